//! Property tests: the loader never panics on arbitrary bytes or mutated
//! YAML, and the one-sweep figures agree with a naive recomputation from the
//! definitions on random provinces.

mod common;

use ntm_site::date::Date;
use ntm_site::model::*;
use ntm_site::report;
use proptest::prelude::*;

const VALID_SNAPSHOT: &str = "date: 2015-08-27\nperiod: 2015-08-21..2015-08-27\nnote: Số liệu\ncommunes:\n  d/a: [1, 2, 3]\n  d/b: all\n  c:\n    met: [1]\n    production_models: 4\n";
const VALID_COMMUNE: &str = "name: Kỳ Thư\ncode: \"18337\"\npopulation: 9120\narea_km2: 28.4\ntarget_year: 2015\nsponsors:\n  - Sở Công Thương\nofficers:\n  - name: Nguyễn Văn A\n    role: cán bộ biệt phái\n    from: 2015-01-05\nrecognitions:\n  - {level: standard, date: 2015-12-30, decision: QĐ 1}\nlocation: {lat: 18.1, lon: 106.3}\n";
const VALID_TARGET: &str =
    "title: T\nsource: S\ndeadline: 2015-12-31\nmeasure: standard_per_group\nvalue: 1\n";
const VALID_MODEL: &str = "---\ntitle: Khu dân cư\nkind: garden\ncommune: d/a\nstatus: building\nphotos:\n  - file: 01.jpg\n    caption: Vườn\n---\nNội dung *đẹp*.\n";

fn fixture_with(rel: &str, bytes: &[u8]) -> common::Fixture {
    common::Fixture::new()
        .file("communes/d/_index.yaml", "name: D\n")
        .file("communes/d/a.yaml", "name: A\n")
        .file("communes/d/b.yaml", "name: B\n")
        .file("communes/c.yaml", "name: C\n")
        .file("models/m/01.jpg", "x")
        .bytes(rel, bytes)
}

/// Applies a list of edits (position, kind) to a valid text.
fn mutate(text: &str, edits: &[(usize, u8)]) -> Vec<u8> {
    let mut b = text.as_bytes().to_vec();
    const INSERTS: &[u8] = b":-[]{}#&*!|>'\"%@,\n \t?";
    for &(at, kind) in edits {
        if b.is_empty() {
            break;
        }
        let i = at % b.len();
        match kind % 4 {
            0 => {
                b.remove(i);
            }
            1 => b.insert(i, INSERTS[(kind as usize / 4) % INSERTS.len()]),
            2 => b[i] = INSERTS[(kind as usize / 4) % INSERTS.len()],
            _ => {
                let line_end = b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map(|p| i + p + 1)
                    .unwrap_or(b.len());
                let line_start = b[..i]
                    .iter()
                    .rposition(|&c| c == b'\n')
                    .map(|p| p + 1)
                    .unwrap_or(0);
                let line = b[line_start..line_end].to_vec();
                b.splice(line_end..line_end, line);
            }
        }
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), which in 0usize..5) {
        let rel = ["progress/2015-08-27.yaml", "communes/d/e.yaml", "targets/t.yaml", "models/m/index.md", "site.yaml"][which];
        let f = fixture_with(rel, &bytes);
        let _ = f.check();
    }

    #[test]
    fn mutated_yaml_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6), which in 0usize..4) {
        let (rel, valid) = [
            ("progress/2015-08-27.yaml", VALID_SNAPSHOT),
            ("communes/d/e.yaml", VALID_COMMUNE),
            ("targets/t.yaml", VALID_TARGET),
            ("models/m/index.md", VALID_MODEL),
        ][which];
        let f = fixture_with(rel, &mutate(valid, &edits));
        match f.check() {
            Ok(_) => {}
            Err(d) => {
                // Every error names a file.
                for diag in d.sorted() {
                    prop_assert!(!diag.file.is_empty() || diag.message.en.contains("content folder"), "{}", diag);
                }
            }
        }
    }

    #[test]
    fn yaml_parser_never_panics_on_any_text(text in "\\PC{0,300}") {
        let mut d = ntm_site::diag::Diagnostics::new();
        let _ = ntm_site::yaml::parse(&text, "f.yaml", &mut d);
    }
}

#[test]
fn the_valid_texts_used_above_are_valid() {
    for (rel, text) in [
        ("progress/2015-08-27.yaml", VALID_SNAPSHOT),
        ("communes/d/e.yaml", VALID_COMMUNE),
        ("targets/t.yaml", VALID_TARGET),
        ("models/m/index.md", VALID_MODEL),
    ] {
        let f = fixture_with(rel, text.as_bytes());
        assert!(f.check().is_ok(), "{rel}: {}", f.messages());
    }
}

// ---------- figures against a naive recomputation ----------

fn set(id: &str, n: usize, from: Date, until: Option<Date>) -> CriteriaSet {
    CriteriaSet {
        id: id.into(),
        name: id.into(),
        decision: None,
        valid_from: from,
        valid_until: until,
        criteria: (1..=n)
            .map(|k| Criterion {
                number: k,
                name: format!("C{k}"),
                name_en: None,
                group: None,
                department: None,
                indicators: vec![],
                indicator_offset: 0,
            })
            .collect(),
        classes: vec![],
    }
}

fn commune(id: String, target_year: Option<i32>) -> Commune {
    Commune {
        id: id.clone(),
        name: id.clone(),
        kind: "xã".into(),
        group: None,
        code: None,
        population: None,
        area_km2: None,
        target_year,
        sponsors: vec![],
        officers: vec![],
        recognitions: vec![],
        location: None,
        narrative: None,
        file: format!("communes/{id}.yaml"),
        target_year_pos: Default::default(),
        class: None,
        established: None,
        merged_from: vec![],
        merged_into: None,
        v12_pos: Default::default(),
    }
}

/// A random province: communes with optional target years, weekly snapshots
/// across a set switch, each listing a random subset.
fn province() -> impl Strategy<Value = Content> {
    (1usize..7, 1usize..9).prop_flat_map(|(nc, ns)| {
        (
            proptest::collection::vec(proptest::option::of(2015i32..2017), nc),
            proptest::collection::vec(
                proptest::collection::vec(proptest::option::of(any::<u8>()), nc),
                ns,
            ),
        )
            .prop_map(move |(years, lists)| {
                let sets = vec![
                    set("new", 6, Date::new(2016, 1, 1).unwrap(), None),
                    set(
                        "old",
                        5,
                        Date::new(2015, 1, 1).unwrap(),
                        Date::new(2015, 12, 31),
                    ),
                ];
                let communes: Vec<Commune> = years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| commune(format!("c{i}"), *y))
                    .collect();
                let start = Date::new(2015, 11, 6).unwrap();
                let snapshots = lists
                    .iter()
                    .enumerate()
                    .map(|(si, list)| {
                        let date = Date::from_days(start.to_days() + 7 * si as i64);
                        let s = if date.year() >= 2016 { 0 } else { 1 };
                        let n = sets[s].len();
                        let entries = list
                            .iter()
                            .enumerate()
                            .filter_map(|(c, bits)| {
                                bits.map(|b| Entry {
                                    commune: c,
                                    met: Met(u128::from(b) & Met::all(n).0),
                                    indicators: Indicators::default(),
                                    indicators_met: Met::default(),
                                    pos: Default::default(),
                                })
                            })
                            .collect();
                        Snapshot {
                            date,
                            period: None,
                            set: s,
                            set_named: false,
                            note: None,
                            entries,
                            file: format!("progress/{date}.yaml"),
                        }
                    })
                    .collect();
                Content {
                    site: Site {
                        title: "T".into(),
                        organization: "O".into(),
                        base_url: "https://x/".into(),
                        description: None,
                        language: "vi".into(),
                        data_license: None,
                        contact: vec![],
                        stale_after_days: None,
                    },
                    sets,
                    groups: vec![],
                    communes,
                    snapshots,
                    targets: vec![],
                    models: vec![],
                    news: vec![],
                    pages: vec![],
                    bulletins: vec![],
                    static_files: vec![],
                    theme_files: vec![],
                    words: Default::default(),
                }
            })
    })
}

/// The state of commune `c` on `d`, straight from the definition.
fn naive_state(content: &Content, c: usize, d: Date) -> Option<(usize, Met)> {
    content
        .snapshots
        .iter()
        .filter(|s| s.date <= d)
        .filter_map(|s| {
            s.entries
                .iter()
                .find(|e| e.commune == c)
                .map(|e| (s.set, e.met))
        })
        .next_back()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sweep_agrees_with_the_definitions(content in province()) {
        let r = report::compute(&content);
        for (si, snap) in content.snapshots.iter().enumerate() {
            let s = &r.sweep.summaries[si];
            for target in [false, true] {
                let scope: Vec<usize> = (0..content.communes.len())
                    .filter(|&c| !target || content.communes[c].target_year == Some(snap.date.year()))
                    .collect();
                let (mut known, mut standard, mut sum) = (0u32, 0u32, 0u64);
                let mut bands = [0u32; 5];
                let (mut reporting, mut gained_c, mut gained_k, mut lost_c, mut lost_k, mut base, mut rebased) = (0, 0, 0, 0, 0, 0, 0);
                for &c in &scope {
                    if let Some((set, met)) = naive_state(&content, c, snap.date) {
                        let n = content.sets[set].len();
                        known += 1;
                        sum += u64::from(met.count());
                        if met.count() as usize == n { standard += 1; }
                        bands[report::timeline::band(met.count(), n)] += 1;
                    }
                    if let Some(e) = snap.entries.iter().find(|e| e.commune == c) {
                        reporting += 1;
                        match naive_state(&content, c, snap.date.pred()) {
                            None => base += 1,
                            Some((ps, _)) if ps != snap.set => rebased += 1,
                            Some((_, pm)) => {
                                let g = e.met.minus(pm).count();
                                let l = pm.minus(e.met).count();
                                if g > 0 { gained_c += 1; gained_k += g; }
                                if l > 0 { lost_c += 1; lost_k += l; }
                            }
                        }
                    }
                }
                let got = if target { &s.target } else { &s.all };
                prop_assert_eq!(got.levels.known, known);
                prop_assert_eq!(got.levels.meets_standard, standard);
                prop_assert_eq!(got.levels.sum_met, sum);
                prop_assert_eq!(got.levels.bands, bands);
                let m = &got.movement;
                prop_assert_eq!((m.reporting, m.communes_gained, m.criteria_gained, m.communes_lost, m.criteria_lost, m.baseline, m.rebased),
                    (reporting, gained_c, gained_k, lost_c, lost_k, base, rebased));
                prop_assert_eq!(got.no_gain(), known - gained_c);
            }
        }
        // States on every day of the range agree with the definition.
        if let (Some(f), Some(l)) = (content.snapshots.first(), content.snapshots.last()) {
            for day in (f.date.to_days() - 1)..=(l.date.to_days() + 1) {
                let d = Date::from_days(day);
                for c in 0..content.communes.len() {
                    let got = r.sweep.timeline.state_on(c, d).map(|s| (s.set, s.met));
                    prop_assert_eq!(got, naive_state(&content, c, d));
                }
            }
        }
    }
}

// ---------- v1.2: indicators, mergers and stale states ----------

/// A set whose criterion 2 has three indicators and criterion 4 two
/// (flat positions 1–3 and 4–5).
fn set_with_indicators(id: &str, n: usize, from: Date) -> CriteriaSet {
    let mut s = set(id, n, from, None);
    let mut offset = 0;
    for c in s.criteria.iter_mut() {
        let m = match c.number {
            2 => 3,
            4 => 2,
            _ => 0,
        };
        c.indicator_offset = offset;
        c.indicators = (1..=m)
            .map(|k| CriterionIndicator {
                id: format!("{}.{k}", c.number),
                criterion: c.number,
                number: k,
                name: format!("I{k}"),
                name_en: None,
            })
            .collect();
        offset += m;
    }
    s
}

/// A random province of v1.2: base communes that may merge into one of two
/// new communes (the first of which may merge into the second: a chain),
/// weekly snapshots listing only the communes that exist on their date,
/// indicators under the 2016 set, and a small `stale_after_days`.
fn province_v12() -> impl Strategy<Value = Content> {
    (1usize..7, 2usize..12).prop_flat_map(|(nc, ns)| {
        (
            proptest::collection::vec((proptest::option::of(2015i32..2017), 0u8..3), nc),
            (0i64..80, 0i64..60, any::<bool>(), 1u32..30),
            proptest::collection::vec(
                proptest::collection::vec(proptest::option::of((any::<u8>(), any::<u8>())), nc + 2),
                ns,
            ),
        )
            .prop_map(move |(bases, (e1, gap, chain, stale_days), lists)| {
                let start = Date::new(2015, 11, 6).unwrap();
                let sets = vec![
                    set_with_indicators("new", 6, Date::new(2016, 1, 1).unwrap()),
                    set(
                        "old",
                        5,
                        Date::new(2015, 1, 1).unwrap(),
                        Date::new(2015, 12, 31),
                    ),
                ];
                let mut communes: Vec<Commune> = bases
                    .iter()
                    .enumerate()
                    .map(|(i, (y, _))| commune(format!("c{i}"), *y))
                    .collect();
                let (n1, n2) = (nc, nc + 1);
                let e1 = Date::from_days(start.to_days() + e1);
                let e2 = Date::from_days(e1.to_days() + 1 + gap);
                let mut a = commune(format!("n{n1}"), Some(2016));
                a.established = Some(e1);
                let mut b = commune(format!("n{n2}"), None);
                b.established = Some(e2);
                communes.push(a);
                communes.push(b);
                for (i, (_, into)) in bases.iter().enumerate() {
                    match into {
                        1 => communes[i].merged_into = Some(n1),
                        2 => communes[i].merged_into = Some(n2),
                        _ => {}
                    }
                }
                if chain {
                    communes[n1].merged_into = Some(n2);
                }
                for n in [n1, n2] {
                    communes[n].merged_from = (0..communes.len())
                        .filter(|&c| communes[c].merged_into == Some(n))
                        .collect();
                }
                let mut content = Content {
                    site: Site {
                        title: "T".into(),
                        organization: "O".into(),
                        base_url: "https://x/".into(),
                        description: None,
                        language: "vi".into(),
                        data_license: None,
                        contact: vec![],
                        stale_after_days: Some(stale_days),
                    },
                    sets,
                    groups: vec![],
                    communes,
                    snapshots: vec![],
                    targets: vec![],
                    models: vec![],
                    news: vec![],
                    pages: vec![],
                    bulletins: vec![],
                    static_files: vec![],
                    theme_files: vec![],
                    words: Default::default(),
                };
                let snapshots = lists
                    .iter()
                    .enumerate()
                    .map(|(si, list)| {
                        let date = Date::from_days(start.to_days() + 7 * si as i64);
                        let s = if date.year() >= 2016 { 0 } else { 1 };
                        let set = &content.sets[s];
                        let (n, ni) = (set.len(), set.indicator_count());
                        let entries = list
                            .iter()
                            .enumerate()
                            .filter(|(c, _)| content.exists_on(*c, date))
                            .filter_map(|(c, bits)| {
                                bits.map(|(b, ib)| {
                                    let ind = Met(u128::from(ib) & Met::all(ni).0);
                                    let mut met = Met(u128::from(b) & Met::all(n).0);
                                    // A criterion with indicators is met when all of them are.
                                    for crit in &set.criteria {
                                        if !crit.indicators.is_empty() {
                                            let mask = set.indicator_mask(crit.number);
                                            met = if ind.0 & mask.0 == mask.0 {
                                                met.with(crit.number)
                                            } else {
                                                Met(met.0 & !(1u128 << (crit.number - 1)))
                                            };
                                        }
                                    }
                                    Entry {
                                        commune: c,
                                        met,
                                        indicators: Indicators::default(),
                                        indicators_met: ind,
                                        pos: Default::default(),
                                    }
                                })
                            })
                            .collect();
                        Snapshot {
                            date,
                            period: None,
                            set: s,
                            set_named: false,
                            note: None,
                            entries,
                            file: format!("progress/{date}.yaml"),
                        }
                    })
                    .collect();
                content.snapshots = snapshots;
                content
            })
    })
}

/// A state straight from the v1.2 definitions: unknown from the merger on,
/// otherwise the latest entry on or before `d`, with its date.
fn naive_state_v12(content: &Content, c: usize, d: Date) -> Option<(usize, Met, Met, Date)> {
    if content.communes[c].merged_into.is_some() && content.merged_on(c).is_some_and(|e| d >= e) {
        return None;
    }
    content
        .snapshots
        .iter()
        .filter(|s| s.date <= d)
        .filter_map(|s| {
            s.entries
                .iter()
                .find(|e| e.commune == c)
                .map(|e| (s.set, e.met, e.indicators_met, s.date))
        })
        .next_back()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sweep_agrees_with_the_v12_definitions(content in province_v12()) {
        let r = report::compute(&content);
        let stale_days = i64::from(content.site.stale_days());
        for (si, snap) in content.snapshots.iter().enumerate() {
            let s = &r.sweep.summaries[si];
            for target in [false, true] {
                let scope: Vec<usize> = (0..content.communes.len())
                    .filter(|&c| !target || content.communes[c].target_year == Some(snap.date.year()))
                    .collect();
                let (mut known, mut standard, mut sum, mut stale) = (0u32, 0u32, 0u64, 0u32);
                let mut bands = [0u32; 5];
                let (mut reporting, mut gained_c, mut gained_k, mut lost_c, mut lost_k, mut base, mut rebased) = (0, 0, 0, 0, 0, 0, 0);
                let (mut ind_gained, mut ind_lost) = (0u32, 0u32);
                for &c in &scope {
                    if let Some((set, met, _, date)) = naive_state_v12(&content, c, snap.date) {
                        let n = content.sets[set].len();
                        known += 1;
                        sum += u64::from(met.count());
                        if met.count() as usize == n { standard += 1; }
                        bands[report::timeline::band(met.count(), n)] += 1;
                        if snap.date.to_days() - date.to_days() > stale_days { stale += 1; }
                    }
                    if let Some(e) = snap.entries.iter().find(|e| e.commune == c) {
                        reporting += 1;
                        match naive_state_v12(&content, c, snap.date.pred()) {
                            None => base += 1,
                            Some((ps, ..)) if ps != snap.set => rebased += 1,
                            Some((_, pm, pi, _)) => {
                                let g = e.met.minus(pm).count();
                                let l = pm.minus(e.met).count();
                                if g > 0 { gained_c += 1; gained_k += g; }
                                if l > 0 { lost_c += 1; lost_k += l; }
                                ind_gained += e.indicators_met.minus(pi).count();
                                ind_lost += pi.minus(e.indicators_met).count();
                            }
                        }
                    }
                }
                let got = if target { &s.target } else { &s.all };
                prop_assert_eq!(got.levels.known, known);
                prop_assert_eq!(got.levels.meets_standard, standard);
                prop_assert_eq!(got.levels.sum_met, sum);
                prop_assert_eq!(got.levels.bands, bands);
                prop_assert_eq!(got.levels.stale, stale, "stale on {}", snap.date);
                let m = &got.movement;
                prop_assert_eq!((m.reporting, m.communes_gained, m.criteria_gained, m.communes_lost, m.criteria_lost, m.baseline, m.rebased),
                    (reporting, gained_c, gained_k, lost_c, lost_k, base, rebased));
                prop_assert_eq!((m.indicators_gained, m.indicators_lost), (ind_gained, ind_lost));
            }
        }
        // States on every day of the range agree with the definition, and
        // the latest state of a former commune stays its last listing.
        if let (Some(f), Some(l)) = (content.snapshots.first(), content.snapshots.last()) {
            for day in (f.date.to_days() - 1)..=(l.date.to_days() + 1) {
                let d = Date::from_days(day);
                for c in 0..content.communes.len() {
                    let got = r.sweep.timeline.state_on(c, d).map(|s| (s.set, s.met, s.indicators_met, s.date));
                    prop_assert_eq!(got, naive_state_v12(&content, c, d));
                }
            }
        }
        for c in 0..content.communes.len() {
            let last = content.snapshots.iter().filter_map(|s| s.entries.iter().find(|e| e.commune == c).map(|e| (s.date, e.met))).next_back();
            prop_assert_eq!(r.sweep.timeline.latest(c).map(|s| (s.date, s.met)), last);
        }
    }
}

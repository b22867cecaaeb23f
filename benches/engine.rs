//! National-scale benchmark of the engine: a synthetic country of 10,000
//! communes in 909 districts under 63 provinces (nested groups), 300 weekly
//! snapshots (each with a tenth of the communes) plus a full report every
//! year, across a criteria-set switch to a set with indicators (criterion 2
//! has 4, criterion 17 has 12, listed one by one where a commune has only
//! some) and, two thirds of the way, the 2025 reform: the communes merge
//! into 3,300 new ones directly under `communes/` (each with `established`,
//! `merged_from` and a `class`), which report from then on. States older
//! than 90 days are stale. Times loading and validation, the report, and a
//! whole build (data files written atomically).
//!
//! Run: `cargo bench --bench engine` (add `-- --communes 2000 --merged 660`
//! for a smaller run, `--merged 0` for no merger).

use ntm_site::build::{self, BuildOptions};
use ntm_site::date::Date;
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// Indicators of criterion `k` in the second set.
fn indicators_of(k: u32) -> u32 {
    match k {
        2 => 4,
        17 => 12,
        _ => 0,
    }
}

fn set(id: &str, from: &str, until: Option<&str>, indicators: bool) -> String {
    let mut s = format!("name: Bộ {id}\nvalid_from: {from}\n");
    if let Some(u) = until {
        let _ = writeln!(s, "valid_until: {u}");
    }
    if indicators {
        s.push_str("classes:\n  1: Nhóm 1\n  2: Nhóm 2\n  3: Nhóm 3\n");
    }
    s.push_str("criteria:\n");
    for k in 1..=19 {
        let _ = writeln!(s, "  - number: {k}\n    name: Tiêu chí {k}");
        let m = if indicators { indicators_of(k) } else { 0 };
        if m > 0 {
            s.push_str("    indicators:\n");
            for i in 1..=m {
                let _ = writeln!(s, "      - {{id: {k}.{i}, name: Chỉ tiêu {k}.{i}}}");
            }
        }
    }
    s
}

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The list of a commune meeting criteria 1..=m; under the set with
/// indicators, criteria 2 and 17 are listed through indicators when the
/// commune has only some of them.
fn met_list(m: u32, with_indicators: bool) -> String {
    let mut items: Vec<String> = Vec::new();
    for k in 1..=19 {
        let n = if with_indicators { indicators_of(k) } else { 0 };
        if k <= m {
            items.push(k.to_string());
        } else if n > 0 {
            for i in 1..=(m % n) {
                items.push(format!("{k}.{i}"));
            }
        }
    }
    items.join(", ")
}

fn generate(root: &Path, communes: usize, merged: usize, snapshots: usize) {
    write(
        root,
        "site.yaml",
        "title: Cả nước\norganization: Văn phòng Điều phối NTM Trung ương\nbase_url: https://example.org/\nstale_after_days: 90\n",
    );
    write(
        root,
        "criteria/qd-491-2009.yaml",
        &set("491", "2009-04-16", Some("2016-10-16"), false),
    );
    write(
        root,
        "criteria/qd-1980-2016.yaml",
        &set("1980", "2016-10-17", None, true),
    );
    let districts = (communes / 11).max(1);
    let mut ids = Vec::with_capacity(communes);
    for p in 0..63 {
        write(
            root,
            &format!("communes/tinh-{p}/_index.yaml"),
            &format!("name: Tỉnh {p}\nkind: tỉnh\n"),
        );
    }
    for d in 0..districts {
        let p = d % 63;
        write(
            root,
            &format!("communes/tinh-{p}/huyen-{d}/_index.yaml"),
            &format!("name: Huyện {d}\n"),
        );
    }
    for c in 0..communes {
        let d = c % districts;
        let p = d % 63;
        let id = format!("tinh-{p}/huyen-{d}/xa-{c}");
        write(
            root,
            &format!("communes/{id}.yaml"),
            &format!(
                "name: Xã Số {c}\ncode: \"{:05}\"\npopulation: {}\ntarget_year: {}\n",
                c,
                5000 + c % 7000,
                2012 + c % 9
            ),
        );
        ids.push(id);
    }
    let start = Date::new(2014, 11, 14).unwrap();
    let date_of = |s: usize| Date::from_days(start.to_days() + 7 * s as i64);
    let switch = (0..snapshots)
        .find(|&s| date_of(s) >= Date::new(2016, 10, 17).unwrap())
        .unwrap_or(snapshots);
    // The reform: three days before the snapshot two thirds of the way.
    let merger = (merged > 0).then(|| snapshots * 2 / 3);
    let established = merger.map(|s| Date::from_days(date_of(s).to_days() - 3));
    let mut new_ids = Vec::with_capacity(merged);
    if let Some(e) = established {
        for n in 0..merged {
            let from: Vec<&str> = (n..communes)
                .step_by(merged)
                .map(|c| ids[c].as_str())
                .collect();
            let id = format!("xa-moi-{n}");
            write(
                root,
                &format!("communes/{id}.yaml"),
                &format!(
                    "name: Xã Mới {n}\nestablished: {e}\nclass: {}\ntarget_year: {}\nmerged_from: [{}]\n",
                    1 + n % 3,
                    2026 + n % 5,
                    from.join(", ")
                ),
            );
            new_ids.push(id);
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut met: Vec<u32> = vec![0; communes];
    let mut met_new: Vec<u32> = vec![0; merged];
    for s in 0..snapshots {
        let date = date_of(s);
        let full = s % 52 == 0 || s == switch || Some(s) == merger;
        let after = merger.is_some_and(|m| s >= m);
        let (list_ids, levels) = if after {
            (&new_ids, &mut met_new)
        } else {
            (&ids, &mut met)
        };
        let mut text = String::from("communes:\n");
        for (c, id) in list_ids.iter().enumerate() {
            if full || rng.next().is_multiple_of(10) {
                if rng.next().is_multiple_of(3) && levels[c] < 19 {
                    levels[c] += 1;
                }
                let _ = writeln!(text, "  {id}: [{}]", met_list(levels[c], s >= switch));
            }
        }
        write(root, &format!("progress/{date}.yaml"), &text);
    }
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, Duration) {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    v.sort();
    (v[0], v[v.len() / 2], v[v.len() - 1])
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let communes = arg("--communes", 10_000);
    let merged = arg("--merged", 3_300).min(communes);
    let snapshots = arg("--snapshots", 300);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    let t = Instant::now();
    generate(&root, communes, merged, snapshots);
    println!(
        "generated {communes} communes merging into {merged}, {snapshots} snapshots in {:.2?}",
        t.elapsed()
    );

    let (min, med, max) = time(3, || {
        build::check(&root, false, false)
            .map(|c| c.report.sweep.changes.len())
            .unwrap_or(0)
    });
    println!("load + validate + report: min {min:.2?}  median {med:.2?}  max {max:.2?}");

    let checked = build::check(&root, false, false).unwrap_or_else(|d| panic!("{}", d.render()));
    let (min, med, max) = time(5, || ntm_site::report::compute(&checked.content));
    println!("report only:              min {min:.2?}  median {med:.2?}  max {max:.2?}");
    println!(
        "  {} entries, {} changes, {} summaries",
        checked
            .content
            .snapshots
            .iter()
            .map(|s| s.entries.len())
            .sum::<usize>(),
        checked.report.sweep.changes.len(),
        checked.report.sweep.summaries.len()
    );
    if let Some(last) = checked.report.sweep.summaries.last() {
        println!(
            "  on {}: {} known, {} stale",
            last.date, last.all.levels.known, last.all.levels.stale
        );
    }

    let out = tmp.path().join("output");
    let opts = BuildOptions {
        content: root.clone(),
        output: out,
        base_url: None,
        drafts: false,
        deny_warnings: false,
        pdf: None,
    };
    let (min, med, max) = time(3, || build::build(&opts).is_ok());
    println!("whole build:              min {min:.2?}  median {med:.2?}  max {max:.2?}");
}

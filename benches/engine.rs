//! National-scale benchmark of the engine: a synthetic country of 8,000
//! communes in 700 districts under 63 provinces (nested groups), 300 weekly
//! snapshots (each with a tenth of the communes) plus a full report every year,
//! across a criteria-set switch. Times loading and validation, the report, and
//! a whole build (data files written atomically).
//!
//! Run: `cargo bench --bench engine` (add `-- --communes 2000` for a smaller run).

use ntm_site::build::{self, BuildOptions};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn set(id: &str, from: &str, until: Option<&str>) -> String {
    let mut s = format!("name: Bộ {id}\nvalid_from: {from}\n");
    if let Some(u) = until {
        let _ = writeln!(s, "valid_until: {u}");
    }
    s.push_str("criteria:\n");
    for k in 1..=19 {
        let _ = writeln!(s, "  - {{number: {k}, name: Tiêu chí {k}}}");
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

fn generate(root: &Path, communes: usize, snapshots: usize) {
    write(
        root,
        "site.yaml",
        "title: Cả nước\norganization: Văn phòng Điều phối NTM Trung ương\nbase_url: https://example.org/\n",
    );
    write(
        root,
        "criteria/qd-491-2009.yaml",
        &set("491", "2009-04-16", Some("2016-10-16")),
    );
    write(
        root,
        "criteria/qd-1980-2016.yaml",
        &set("1980", "2016-10-17", None),
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
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut met: Vec<u32> = vec![0; communes];
    let start = ntm_site::date::Date::new(2011, 1, 7).unwrap();
    for s in 0..snapshots {
        let date = ntm_site::date::Date::from_days(start.to_days() + 7 * s as i64);
        let full = s % 52 == 0 || date == ntm_site::date::Date::new(2016, 10, 21).unwrap();
        let mut text = String::from("communes:\n");
        for (c, id) in ids.iter().enumerate() {
            if full || rng.next().is_multiple_of(10) {
                if rng.next().is_multiple_of(3) && met[c] < 19 {
                    met[c] += 1;
                }
                let list: Vec<String> = (1..=met[c]).map(|k| k.to_string()).collect();
                let _ = writeln!(text, "  {id}: [{}]", list.join(", "));
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
    let communes = arg("--communes", 8000);
    let snapshots = arg("--snapshots", 300);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("content");
    let t = Instant::now();
    generate(&root, communes, snapshots);
    println!(
        "generated {communes} communes, {snapshots} snapshots in {:.2?}",
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

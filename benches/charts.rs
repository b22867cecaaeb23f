//! Benchmark of the charts: draws every chart of a site (`charts::all_charts`:
//! the province's, each district's coverage, each commune's timeline and
//! grid, each year's target communes) several times and prints the fastest
//! and the median run, then the time per kind of chart.
//!
//! Run: `cargo bench --bench charts` (the sample province in `content/`), or
//! `cargo bench --bench charts -- PATH/TO/CONTENT [RUNS]`. Under
//! `cargo test --all-targets` it draws everything once, as a smoke test.

use ntm_site::charts;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let content = PathBuf::from(args.first().map(String::as_str).unwrap_or("content"));
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // too, without it: one run then, as a smoke test.
    let benching = std::env::args().any(|a| a == "--bench");
    let runs: usize = args
        .get(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(if benching { 10 } else { 1 });
    if !content.join("site.yaml").exists() && !benching {
        println!("{} is not here; nothing to draw", content.display());
        return;
    }
    let Ok(checked) = ntm_site::build::check(&content, false, false) else {
        eprintln!("{} does not load without errors", content.display());
        std::process::exit(1);
    };
    let (c, r) = (&checked.content, &checked.report);
    println!(
        "{}: {} communes, {} snapshots",
        content.display(),
        c.communes.len(),
        c.snapshots.len()
    );
    let mut times = Vec::with_capacity(runs);
    let mut count = 0;
    let mut bytes = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let all = charts::all_charts(c, r);
        times.push(t.elapsed());
        count = all.len();
        bytes = all.iter().map(|(_, ch)| ch.svg.len()).sum::<usize>();
    }
    times.sort();
    println!(
        "all_charts: {count} charts, {:.1} MB of SVG; fastest {:.1} ms, median {:.1} ms over {runs} runs",
        bytes as f64 / 1e6,
        ms(times[0]),
        ms(times[runs / 2])
    );
    // Time per kind, from one more run drawn chart by chart.
    let mut kinds: BTreeMap<&str, (usize, Duration)> = BTreeMap::new();
    let mut add = |k: &'static str, t: Duration| {
        let e = kinds.entry(k).or_default();
        e.0 += 1;
        e.1 += t;
    };
    let t = Instant::now();
    charts::province_progress(c, r);
    add("province_progress", t.elapsed());
    let t = Instant::now();
    charts::bands(c, r, None);
    add("bands", t.elapsed());
    let t = Instant::now();
    charts::districts_compared(c, r);
    add("districts_compared", t.elapsed());
    if let Some(set) = charts::figures::latest_set(c) {
        let t = Instant::now();
        charts::criteria_coverage(c, r, set, None);
        add("criteria_coverage", t.elapsed());
    }
    for commune in 0..c.communes.len() {
        let t = Instant::now();
        charts::commune_timeline(c, r, commune);
        add("commune_timeline", t.elapsed());
        let t = Instant::now();
        charts::criteria_grid(c, r, commune, None);
        add("criteria_grid", t.elapsed());
    }
    for y in &r.years {
        let t = Instant::now();
        charts::target_communes(c, r, y.end);
        add("target_communes", t.elapsed());
    }
    let t = Instant::now();
    charts::indicators(c, r);
    add("indicators", t.elapsed());
    for (k, (n, t)) in kinds {
        println!(
            "  {k:<20} {n:>4} × {:>7.3} ms = {:>7.1} ms",
            ms(t) / n as f64,
            ms(t)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

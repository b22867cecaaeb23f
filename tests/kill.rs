//! Builds killed at random moments (`kill -9`): after each kill the output
//! folder is, byte for byte, either the whole previous site or the whole new
//! one, never a mixture and never missing; and the next build cleans what
//! the killed one left.
//!
//! `cargo test --test kill` kills 10 builds. The long run (200 kills, or
//! `KILL_RUNS`), with a seed to replay (`KILL_SEED`):
//!
//! ```sh
//! KILL_RUNS=200 cargo test --release --test kill -- --ignored --nocapture
//! ```

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Site = BTreeMap<String, Vec<u8>>;

fn read_site(dir: &Path) -> Option<Site> {
    if !dir.is_dir() {
        return None;
    }
    let mut site = Site::new();
    for e in walk(dir) {
        let rel = e.strip_prefix(dir).unwrap().to_string_lossy().to_string();
        site.insert(rel, std::fs::read(&e).unwrap());
    }
    Some(site)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for f in walk(from) {
        let dest = to.join(f.strip_prefix(from).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&f, &dest).unwrap();
    }
}

fn build(content: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ntm-site"));
    c.args(["build", "--content"])
        .arg(content)
        .arg("--output")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// A small random number generator (xorshift), seeded to be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn kill_builds(runs: usize) {
    let seed = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15u64);
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    // Two versions of the content whose sites differ.
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    copy_dir(&common::example_dir().join("content"), &a);
    copy_dir(&common::example_dir().join("content"), &b);
    let site_yaml = std::fs::read_to_string(b.join("site.yaml")).unwrap();
    std::fs::write(
        b.join("site.yaml"),
        site_yaml.replacen("title: ", "title: Bản mới - ", 1),
    )
    .unwrap();
    let (ref_a, ref_b) = (tmp.path().join("ref-a"), tmp.path().join("ref-b"));
    let started = Instant::now();
    assert!(build(&a, &ref_a).status().unwrap().success());
    let took = started.elapsed();
    assert!(build(&b, &ref_b).status().unwrap().success());
    let (site_a, site_b) = (read_site(&ref_a).unwrap(), read_site(&ref_b).unwrap());
    assert_ne!(site_a, site_b);

    let out = tmp.path().join("out");
    assert!(build(&a, &out).status().unwrap().success());
    let window = took.as_micros() as u64 * 12 / 10 + 1;
    let (mut olds, mut news) = (0, 0);
    for run in 0..runs {
        let now = read_site(&out).expect("the output folder is never missing");
        let (content, old, new) = if now == site_a {
            (&b, &site_a, &site_b)
        } else {
            assert!(now == site_b, "run {run}: the output is neither site");
            (&a, &site_b, &site_a)
        };
        let mut child = build(content, &out).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % window));
        let _ = child.kill();
        let _ = child.wait();
        let after = read_site(&out)
            .unwrap_or_else(|| panic!("run {run} (seed {seed}): the output folder is missing"));
        if &after == old {
            olds += 1;
        } else if &after == new {
            news += 1;
        } else {
            panic!("run {run} (seed {seed}): the output is a mixture of the two sites");
        }
    }
    eprintln!("{runs} kills (seed {seed}): {olds} left the old site, {news} the new one");
    // A build that runs to its end cleans what the killed ones left.
    assert!(build(&a, &out).status().unwrap().success());
    let left: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn ten_killed_builds_leave_a_whole_site() {
    kill_builds(10);
}

#[test]
#[ignore = "long: 200 kills; run with --ignored (see the module's doc)"]
fn many_killed_builds_leave_a_whole_site() {
    let runs = std::env::var("KILL_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    kill_builds(runs);
}

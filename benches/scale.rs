//! Speed and scale of whole builds, side by side with Hugo (and Zola when it
//! is on `PATH`) on the same news corpus. Each case is a content folder
//! written by `ntm-site sample`, built by the release binary as a child
//! process: cold build (no image cache), warm build (image cache full, no
//! output), no-op rebuild (nothing changed), rebuild after editing one
//! snapshot and one news item; the wall time (median of the runs), the peak
//! memory of the child (`wait4`'s `ru_maxrss`), the output's size and
//! pages, and the split by stage that `build --timings` prints.
//!
//! Run: `cargo bench --bench scale`. Environment:
//! - `SCALE_CASES`: a comma-separated subset of `news-1k`, `news-10k`,
//!   `province`, `nation`, `nation-merged` (all by default);
//! - `SCALE_DIV`: divide every size by this (`SCALE_DIV=10` for a quick run);
//! - `SCALE_RUNS`: runs of each measurement (default 3; 1 for the nation);
//! - `SCALE_DIR`: where the content and output go (default `/dev/shm` when
//!   it exists, as tmpfs, else the temporary folder);
//! - `SCALE_PEERS=0`: leave out Hugo and Zola.
//!
//! The Hugo site (config and templates equivalent to ntm-site's theme for
//! news) is `benches/peers/hugo/`, Zola's `benches/peers/zola/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_ntm-site");

/// One run of a child process: wall time, peak resident memory, output.
struct Run {
    wall: Duration,
    peak_rss: u64,
    stderr: String,
    ok: bool,
}

/// Runs `cmd`, waiting with `wait4` to read the child's peak memory (the
/// child is reaped by `wait4`, not by `Child::wait`, hence the allow).
#[allow(clippy::zombie_processes)]
fn run(cmd: &mut Command) -> Run {
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; the pointers are valid.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    Run {
        wall,
        peak_rss: usage.ru_maxrss as u64 * 1024,
        stderr,
        ok: r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
    }
}

/// The median of `runs` runs (the slowest peak memory).
fn measure(runs: usize, mut prepare: impl FnMut(), mut cmd: impl FnMut() -> Command) -> Run {
    let mut all: Vec<Run> = Vec::new();
    for _ in 0..runs.max(1) {
        prepare();
        let r = run(&mut cmd());
        if !r.ok {
            panic!("{:?} failed:\n{}", cmd(), r.stderr);
        }
        all.push(r);
    }
    let peak = all.iter().map(|r| r.peak_rss).max().unwrap_or(0);
    all.sort_by_key(|r| r.wall);
    let mut m = all.swap_remove(all.len() / 2);
    m.peak_rss = peak;
    m
}

/// Files, HTML pages and bytes under `dir`.
fn output_size(dir: &Path) -> (usize, usize, u64) {
    let (mut files, mut pages, mut bytes) = (0, 0, 0);
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            files += 1;
            if e.path().extension().is_some_and(|x| x == "html") {
                pages += 1;
            }
            bytes += e.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    (files, pages, bytes)
}

fn remove(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

struct Case {
    name: &'static str,
    args: Vec<String>,
    peers: bool,
    runs: usize,
}

fn cases(div: usize, runs: usize) -> Vec<Case> {
    let n = |x: usize| (x / div).max(1).to_string();
    let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mk = |name, v: Vec<String>, peers, runs| Case {
        name,
        args: v,
        peers,
        runs,
    };
    vec![
        mk(
            "news-1k",
            [
                a(&["--communes", "0", "--weeks", "0", "--news"]),
                vec![n(1000)],
            ]
            .concat(),
            true,
            runs,
        ),
        mk(
            "news-10k",
            [
                a(&["--communes", "0", "--weeks", "0", "--news"]),
                vec![n(10_000)],
            ]
            .concat(),
            true,
            runs,
        ),
        mk(
            "province",
            vec![
                "--communes".into(),
                n(250),
                "--weeks".into(),
                n(520),
                "--photos".into(),
                n(1000),
                "--news".into(),
                n(2000),
            ],
            false,
            runs,
        ),
        mk(
            "nation",
            vec![
                "--communes".into(),
                n(10_000),
                "--weeks".into(),
                n(104),
                "--news".into(),
                n(10_000),
            ],
            false,
            runs.min(1),
        ),
        mk(
            "nation-merged",
            vec![
                "--communes".into(),
                n(3300),
                "--weeks".into(),
                n(104),
                "--flat".into(),
            ],
            false,
            runs.min(1),
        ),
    ]
}

/// The lines of `--timings` (the stage split) from a build's standard error.
fn stage_lines(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(|l| format!("      {}\n", l.trim()))
        .collect()
}

/// Appends a line to the snapshot of week 0 and edits one news item.
fn edit(content: &Path, round: usize) {
    let first = std::fs::read_dir(content.join("progress"))
        .ok()
        .and_then(|d| d.flatten().map(|e| e.path()).min());
    if let Some(p) = first {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let text = text.replacen(
            "note: Số liệu do cán bộ phụ trách xã báo cáo",
            &format!("note: Số liệu do cán bộ phụ trách xã báo cáo (sửa lần {round})"),
            1,
        );
        std::fs::write(&p, text).unwrap();
    }
    let news = content.join("news/tin-000001.md");
    if let Ok(text) = std::fs::read_to_string(&news) {
        std::fs::write(&news, format!("{text}\nĐã sửa lần {round}.\n")).unwrap();
    }
}

/// Copies the news of `content` into a Hugo or Zola site at `site`, with
/// the peer's config and templates from `benches/peers/<peer>/`.
fn peer_site(peer: &str, content: &Path, site: &Path) {
    remove(site);
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches/peers")
        .join(peer);
    for e in walkdir::WalkDir::new(&src).into_iter().flatten() {
        let rel = e.path().strip_prefix(&src).unwrap();
        let to = site.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    let style = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/assets/style.css");
    let assets = site.join("static/assets");
    std::fs::create_dir_all(&assets).unwrap();
    std::fs::copy(style, assets.join("style.css")).unwrap();
    let news = site.join("content/tin-tuc");
    std::fs::create_dir_all(&news).unwrap();
    if peer == "zola" {
        std::fs::write(
            news.join("_index.md"),
            "+++\ntitle = \"Tin tức\"\nsort_by = \"date\"\npaginate_by = 10\n+++\n",
        )
        .unwrap();
    } else {
        std::fs::write(news.join("_index.md"), "---\ntitle: Tin tức\n---\n").unwrap();
    }
    for e in std::fs::read_dir(content.join("news")).unwrap().flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let text = if peer == "zola" { to_toml(&text) } else { text };
        std::fs::write(news.join(e.file_name()), text).unwrap();
    }
}

/// The YAML front matter of a generated news item as Zola's TOML.
fn to_toml(text: &str) -> String {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text.to_string();
    };
    let Some((front, body)) = rest.split_once("\n---\n") else {
        return text.to_string();
    };
    let mut top = String::new();
    let mut extra = String::new();
    let mut tags = String::new();
    for line in front.lines() {
        let Some((k, v)) = line.split_once(": ") else {
            continue;
        };
        match k {
            "title" => top.push_str(&format!("title = {v}\n")),
            "date" => top.push_str(&format!("date = {v}\n")),
            "summary" => extra.push_str(&format!("summary = {v}\n")),
            "author" => extra.push_str(&format!("author = \"{v}\"\n")),
            "tags" => {
                let inner = v.trim_matches(|c| c == '[' || c == ']');
                let list: Vec<String> = inner.split(", ").map(|t| format!("\"{t}\"")).collect();
                tags = format!("[taxonomies]\ntags = [{}]\n", list.join(", "));
            }
            _ => {}
        }
    }
    format!("+++\n{top}{tags}[extra]\n{extra}+++\n{body}")
}

/// Whether `program` runs: `zola --version`, or `hugo version` (Hugo 0.111
/// has no `--version`).
fn have(program: &str) -> bool {
    ["--version", "version"].iter().any(|arg| {
        Command::new(program)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let div: usize = env("SCALE_DIV")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let runs: usize = env("SCALE_RUNS").and_then(|v| v.parse().ok()).unwrap_or(3);
    let peers = env("SCALE_PEERS").as_deref() != Some("0");
    let wanted: Option<Vec<String>> =
        env("SCALE_CASES").map(|v| v.split(',').map(|s| s.trim().to_string()).collect());
    let base = env("SCALE_DIR").map(PathBuf::from).unwrap_or_else(|| {
        if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        }
    });
    let tmp = tempfile::Builder::new()
        .prefix("ntm-scale-")
        .tempdir_in(&base)
        .unwrap();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "scale benchmark: {threads} threads, load average {} at the start, sizes divided by {div}, \
         median of {runs} runs (1 for the nation), output in {}",
        load(),
        base.display()
    );
    let hugo = peers && have("hugo");
    let zola = peers && have("zola");
    for case in cases(div, runs) {
        if wanted
            .as_ref()
            .is_some_and(|w| !w.iter().any(|x| x == case.name))
        {
            continue;
        }
        let dir = tmp.path().join(case.name);
        let content = dir.join("content");
        let out = dir.join("output");
        let cache = dir.join("cache");
        let t = Instant::now();
        let g = run(Command::new(BIN)
            .arg("sample")
            .args(&case.args)
            .arg(&content));
        assert!(g.ok, "sample failed: {}", g.stderr);
        println!(
            "\n== {} (sample {}) — generated in {:.1} s, load {}",
            case.name,
            case.args.join(" "),
            t.elapsed().as_secs_f64(),
            load()
        );
        let build = || {
            let mut c = Command::new(BIN);
            c.arg("build")
                .arg("--timings")
                .arg("--content")
                .arg(&content)
                .arg("--output")
                .arg(&out)
                .arg("--cache")
                .arg(&cache);
            c
        };
        let cold = measure(
            case.runs,
            || {
                remove(&out);
                remove(&cache);
            },
            build,
        );
        let (files, pages, bytes) = output_size(&out);
        let warm = measure(case.runs, || remove(&out), build);
        let noop = measure(case.runs, || {}, build);
        let mut round = 0;
        let edited = measure(
            case.runs,
            || {
                round += 1;
                edit(&content, round);
            },
            build,
        );
        let search_index = std::fs::metadata(out.join("assets/search-index.js"))
            .map(|m| m.len())
            .unwrap_or(0);
        println!(
            "  ntm-site: {pages} pages, {files} files, {:.1} MB (search index {:.0} KB); peak memory {:.0} MB",
            mb(bytes),
            search_index as f64 / 1e3,
            mb(cold.peak_rss.max(warm.peak_rss))
        );
        println!(
            "    cold {:.0} ms ({:.3} ms a page) | warm {:.0} ms | no-op {:.0} ms | after one edit {:.0} ms",
            ms(cold.wall),
            ms(cold.wall) / pages.max(1) as f64,
            ms(warm.wall),
            ms(noop.wall),
            ms(edited.wall)
        );
        println!(
            "    stages of the warm build:\n{}",
            stage_lines(&warm.stderr)
        );
        if !case.peers {
            continue;
        }
        let mut best: Option<(&str, f64, u64)> = None;
        for (peer, on) in [("hugo", hugo), ("zola", zola)] {
            if !on {
                println!("  {peer}: not installed, left out");
                continue;
            }
            let site = dir.join(peer);
            peer_site(peer, &content, &site);
            let pout = dir.join(format!("{peer}-out"));
            let r = measure(
                case.runs,
                || {
                    remove(&pout);
                    remove(&site.join("resources"));
                },
                || {
                    let mut c = Command::new(peer);
                    if peer == "hugo" {
                        c.arg("--quiet")
                            .arg("--source")
                            .arg(&site)
                            .arg("--destination")
                            .arg(&pout);
                    } else {
                        c.arg("--root")
                            .arg(&site)
                            .arg("build")
                            .arg("--output-dir")
                            .arg(&pout)
                            .arg("--force");
                    }
                    c
                },
            );
            let (pf, pp, pb) = output_size(&pout);
            let per = ms(r.wall) / pp.max(1) as f64;
            println!(
                "  {peer}: {pp} pages, {pf} files, {:.1} MB; peak memory {:.0} MB; \
                 cold {:.0} ms ({per:.3} ms a page)",
                mb(pb),
                mb(r.peak_rss),
                ms(r.wall)
            );
            if best.is_none_or(|(_, b, _)| r.wall.as_secs_f64() * 1000.0 < b) {
                best = Some((peer, ms(r.wall), r.peak_rss));
            }
        }
        if let Some((peer, t, rss)) = best {
            println!(
                "  ratio: the faster peer ({peer}) / ntm-site cold = {:.2}× (target ≥ 1.5×); \
                 memory ntm-site / {peer} = {:.2}",
                t / ms(cold.wall),
                cold.peak_rss as f64 / rss.max(1) as f64
            );
        }
    }
    println!("\nload average at the end: {}", load());
}

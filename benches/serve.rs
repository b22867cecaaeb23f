//! The live preview on the sample province (`content/`): how long from the
//! save of a file to the new page in hand (the rebuild, the reload event and
//! the page's request, as a browser does), for one snapshot and for one news
//! item; and the memory of the `serve` process after 100 rebuilds against
//! after the first. Not a test: the figures depend on the machine and its load.
//!
//! Run: `cargo bench --bench serve` (add `-- --rounds 20` for more edits
//! per kind; the memory run always makes 100 rebuilds).

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use serve_support::*;
use std::path::Path;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(600);

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// One kind of save: `file` holds `texts[0]`, and an edit saves `texts[1]`
/// (then `texts[0]` again, by turns), which changes `page`.
struct Edit {
    file: std::path::PathBuf,
    texts: [String; 2],
    page: String,
}

impl Edit {
    /// Saves the two texts by turns `n` times, then the first again; returns
    /// the time from each save to the changed page read over HTTP. Each
    /// save, the last one too, is a rebuild counted in `rebuilds`.
    fn rounds(
        &self,
        server: &Server,
        events: &std::sync::mpsc::Receiver<Event>,
        n: usize,
        rebuilds: &mut usize,
    ) -> Vec<Duration> {
        let mut out = Vec::new();
        let mut last = get(&server.addr, &self.page).body;
        for i in 0..n {
            std::fs::write(&self.file, &self.texts[(i + 1) % 2]).unwrap();
            let saved = Instant::now();
            wait_for(events, "reload", WAIT);
            let now = get(&server.addr, &self.page).body;
            out.push(saved.elapsed());
            assert_ne!(
                without_script(&now),
                without_script(&last),
                "{} changed",
                self.page
            );
            last = now;
        }
        std::fs::write(&self.file, &self.texts[0]).unwrap();
        wait_for(events, "reload", WAIT);
        *rebuilds += n + 1;
        out
    }
}

/// A snapshot in which a commune meeting every criterion loses all but two.
fn demoted(file: std::path::PathBuf) -> Edit {
    let text = std::fs::read_to_string(&file).unwrap();
    let (id, edited) = demote(&text);
    Edit {
        file,
        texts: [text, edited],
        page: format!("/xa/{id}/"),
    }
}

fn summary(what: &str, mut d: Vec<Duration>, target_ms: u128) {
    d.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    println!(
        "{what}: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms over {} saves (target: under {target_ms} ms)",
        ms(d[d.len() / 2]),
        ms(d[0]),
        ms(d[d.len() - 1]),
        d.len()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(10);
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let cache = tmp.path().join("cache");
    let t = Instant::now();
    let server = start(
        Path::new(env!("CARGO_BIN_EXE_ntm-site")),
        &content,
        &cache,
        WAIT,
    );
    println!("first build and start: {:.1} s", t.elapsed().as_secs_f64());
    let events = events(&server.addr);
    wait_for(&events, "state", WAIT);

    // This week's snapshot, as the office edits it: a commune of the latest
    // loses all but two criteria.
    let latest = std::fs::read_dir(content.join("progress"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .max()
        .unwrap();
    let name = latest.file_name().unwrap().to_string_lossy().to_string();
    let week = demoted(latest);
    // A snapshot of years ago: every later week's bulletin changes too.
    let old = demoted(content.join("progress/2017-12-28.yaml"));
    // One news item: its title.
    let file = content.join("news/tong-ket-nam-2014.md");
    let news = std::fs::read_to_string(&file).unwrap();
    let retitled = news.replacen("title: \"Năm 2014", "title: \"Cả năm 2014", 1);
    let item = Edit {
        file,
        texts: [news, retitled],
        page: "/tin-tuc/tong-ket-nam-2014/".into(),
    };

    let pid = server.child.id();
    let mut rebuilds = 0;
    // The first rebuilds, one of each kind, before memory is read.
    for kind in [&week, &old, &item] {
        let _ = kind.rounds(&server, &events, 1, &mut rebuilds);
    }
    let rss_first = rss_kib(pid);
    let d = week.rounds(&server, &events, n, &mut rebuilds);
    summary(
        &format!("this week's snapshot ({name}) saved → commune page"),
        d,
        500,
    );
    let d = old.rounds(&server, &events, n.div_ceil(2), &mut rebuilds);
    summary(
        "a snapshot of 2017 saved → commune page (every later bulletin redone)",
        d,
        500,
    );
    let d = item.rounds(&server, &events, n, &mut rebuilds);
    summary("news item saved → its page", d, 300);

    // Memory: 100 rebuilds in all.
    let left = 100usize.saturating_sub(rebuilds + 1);
    let _ = week.rounds(&server, &events, left, &mut rebuilds);
    let rss_last = rss_kib(pid);
    println!(
        "memory (RSS) of serve: {:.1} MiB after the first rebuilds (one of each kind), {:.1} MiB after 100 rebuilds ({:+.1} %; target within 10 %)",
        rss_first as f64 / 1024.0,
        rss_last as f64 / 1024.0,
        (rss_last as f64 / rss_first.max(1) as f64 - 1.0) * 100.0
    );
    let rebuilds: Vec<String> = server
        .lines
        .try_iter()
        .filter(|l| l.contains(" ms"))
        .collect();
    if let Some(l) = rebuilds.last() {
        println!("serve's last line: {l}");
    }
}

//! The incremental builds of `serve` give the same files, byte for byte, as
//! a full `ntm-site build` (a separate process, with no cache but the photos')
//! of the same content, after a series of edits of the sample province:
//! snapshots, communes, news and photos added, changed, renamed and deleted.

mod serve_support;

use ntm_site::date::Date;
use ntm_site::serve::{Outcome, Session, SessionOptions};
use serve_support::copy_dir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` by relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn full_build(content: &Path, out: &Path, cache: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ntm-site"))
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--output")
        .arg(out)
        .arg("--cache")
        .arg(cache)
        .arg("--no-chart-png")
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the full build succeeds");
}

fn assert_same(served: &Path, full: &Path, after: &str) {
    let (a, b) = (tree(served), tree(full));
    let only_a: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(
        only_a.is_empty() && only_b.is_empty(),
        "after {after}: only served {only_a:?}, only built {only_b:?}"
    );
    let differ: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differ.is_empty(), "after {after}: these differ: {differ:?}");
}

/// A snapshot's text with another date and period.
fn with_date(text: &str, date: &str, period: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("date:") {
                format!("date: {date}")
            } else if l.starts_with("period:") {
                format!("period: {period}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

struct Bench {
    content: PathBuf,
    session: Session,
}

impl Bench {
    fn rebuild(&mut self, changed: &[&str]) -> Outcome {
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        self.session.rebuild(&changed)
    }
    fn built(&mut self, changed: &[&str], what: &str) -> (usize, usize, usize) {
        match self.rebuild(changed) {
            Outcome::Built {
                files_read,
                pages_rendered,
                charts_drawn,
                ..
            } => (files_read, pages_rendered, charts_drawn),
            Outcome::Failed { diagnostics, .. } => {
                panic!("{what}: {}", diagnostics.render())
            }
        }
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.content.join(rel)
    }
    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap();
    }
    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let t = self.read(rel);
        assert!(t.contains(from), "{rel} holds {from:?}");
        self.write(rel, &t.replacen(from, to, 1));
    }
}

#[test]
fn incremental_builds_equal_full_builds_after_edits() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    let cache = tmp.path().join("cache");
    let served = tmp.path().join("served");
    let full = tmp.path().join("full");
    let mut images = ntm_site::imageproc::Options::beside(&full);
    images.cache_dir = cache.clone();
    images.chart_pngs = false;
    let session = Session::new(SessionOptions {
        content: content.clone(),
        dir: served.clone(),
        images,
        drafts: false,
    })
    .unwrap();
    let mut b = Bench { content, session };
    b.built(&[], "the first build");

    // A change of nothing reads, renders and draws nothing.
    assert_eq!(b.built(&[], "no change"), (0, 0, 0));

    // Snapshots: change, add, rename, delete.
    let last = "progress/2017-12-28.yaml";
    let text = b.read(last);
    let (_, demoted) = serve_support::demote(&text);
    b.write(last, &demoted);
    let (read, rendered, drawn) = b.built(&[last], "a changed snapshot");
    assert_eq!(read, 1, "only the changed file is read again");
    assert!(rendered > 0 && drawn > 0);
    // The snapshot added (then renamed) comes after the sample's latest, so
    // that it is new and not one of the sample's own.
    let latest = std::fs::read_dir(b.path("progress"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            Date::parse_iso(name.strip_suffix(".yaml")?).ok()
        })
        .max()
        .unwrap();
    let week = |n: i64| Date::from_days(latest.to_days() + 7 * n);
    let period = |n: i64| {
        format!(
            "{}..{}",
            Date::from_days(week(n - 1).to_days() + 1),
            week(n)
        )
    };
    let added = format!("progress/{}.yaml", week(1));
    let added = added.as_str();
    assert!(!b.path(added).exists(), "{added} is new");
    b.write(
        added,
        &with_date(
            &b.read(&format!("progress/{latest}.yaml")),
            &week(1).to_string(),
            &period(1),
        ),
    );
    b.built(&[added], "an added snapshot");
    let renamed = format!("progress/{}.yaml", week(2));
    let renamed = renamed.as_str();
    let t = with_date(&b.read(added), &week(2).to_string(), &period(2));
    std::fs::remove_file(b.path(added)).unwrap();
    b.write(renamed, &t);
    b.built(&[added, renamed], "a renamed snapshot");
    std::fs::remove_file(b.path(renamed)).unwrap();
    b.built(&[renamed], "a deleted snapshot");

    // Communes: change, add, rename, delete.
    b.edit(
        "communes/can-loc/dong-loc.yaml",
        "population: 7540",
        "population: 7541",
    );
    b.built(&["communes/can-loc/dong-loc.yaml"], "a changed commune");
    let new = "communes/can-loc/xa-moi.yaml";
    b.write(new, "name: Xã Mới\nkind: xã\npopulation: 1000\n");
    b.built(&[new], "an added commune");
    let moved = "communes/can-loc/xa-moi-2.yaml";
    std::fs::rename(b.path(new), b.path(moved)).unwrap();
    b.built(&[new, moved], "a renamed commune");
    std::fs::remove_file(b.path(moved)).unwrap();
    b.built(&[moved], "a deleted commune");

    // News: change, add, rename, delete.
    let item = "news/tong-ket-nam-2014.md";
    b.edit(item, "Ban biên tập", "Ban biên tập tin");
    let (read, rendered, _) = b.built(&[item], "a changed news item");
    assert_eq!(read, 1);
    assert!(rendered > 0);
    // A news item's new title shows on the page of the commune it names,
    // and a model's on its commune's page (their pages are kept otherwise).
    let about = "news/tuan-21-27-8-2015.md";
    b.edit(about, "10 xã tăng 21 tiêu chí", "mười xã tăng 21 tiêu chí");
    b.built(&[about], "a news item naming a commune");
    let page = |dir: &str| std::fs::read_to_string(served.join(dir).join("index.html")).unwrap();
    assert!(page("xa/ky-anh/ky-thu").contains("mười xã tăng 21 tiêu chí"));
    let garden = "models/vuon-mau-cam-thang/index.md";
    b.edit(
        garden,
        "title: Vườn mẫu xã Cẩm Thăng",
        "title: Vườn mẫu Cẩm Thăng mới",
    );
    b.built(&[garden], "a model's title");
    assert!(page("xa/cam-xuyen/cam-thang").contains("Vườn mẫu Cẩm Thăng mới"));
    let news = "news/tin-moi.md";
    b.write(
        news,
        "---\ntitle: Tin mới\ndate: 2017-12-30\nsummary: Một tin mới.\n---\nNội dung **mới**.\n",
    );
    b.built(&[news], "an added news item");
    let news2 = "news/tin-moi-2.md";
    std::fs::rename(b.path(news), b.path(news2)).unwrap();
    b.built(&[news, news2], "a renamed news item");
    std::fs::remove_file(b.path(item)).unwrap();
    b.built(&[item], "a deleted news item");

    // Photos: add, change, rename, delete.
    let model = "models/vuon-mau-cam-thang";
    let index = format!("{model}/index.md");
    std::fs::copy(
        b.path(&format!("{model}/01.jpg")),
        b.path(&format!("{model}/03.jpg")),
    )
    .unwrap();
    b.edit(
        &index,
        "  - file: 02.jpg\n",
        "  - file: 03.jpg\n    caption: Ảnh thêm\n  - file: 02.jpg\n",
    );
    b.built(&[&index, &format!("{model}/03.jpg")], "an added photo");
    std::fs::copy(
        b.path(&format!("{model}/01.jpg")),
        b.path(&format!("{model}/02.jpg")),
    )
    .unwrap();
    b.built(&[&format!("{model}/02.jpg")], "a changed photo");
    std::fs::rename(
        b.path(&format!("{model}/03.jpg")),
        b.path(&format!("{model}/04.jpg")),
    )
    .unwrap();
    b.edit(&index, "file: 03.jpg", "file: 04.jpg");
    b.built(
        &[
            &index,
            &format!("{model}/03.jpg"),
            &format!("{model}/04.jpg"),
        ],
        "a renamed photo",
    );
    full_build(&b.content, &full, &cache);
    assert_same(&served, &full, "the news and photo edits");
    std::fs::remove_file(b.path(&format!("{model}/04.jpg"))).unwrap();
    b.edit(&index, "  - file: 04.jpg\n    caption: Ảnh thêm\n", "");
    b.built(&[&index, &format!("{model}/04.jpg")], "a deleted photo");

    // The site's own words: added, then changed; its pages and charts follow.
    let words = "theme/i18n/vi.yaml";
    std::fs::create_dir_all(b.path("theme/i18n")).unwrap();
    b.write(words, "ch_province: \"Cả tỉnh\"\n");
    let (_, rendered, drawn) = b.built(&[words], "added words");
    assert!(rendered > 0 && drawn > 0);
    let bands = || std::fs::read_to_string(served.join("bieu-do/phan-nhom.svg")).unwrap();
    assert!(bands().contains("Cả tỉnh"), "the chart takes the word");
    b.write(
        words,
        "ch_province: \"Khắp tỉnh\"\nnav_home: \"Trang đầu\"\n",
    );
    b.built(&[words], "changed words");
    assert!(
        bands().contains("Khắp tỉnh"),
        "the chart takes the new word"
    );
    let home = std::fs::read_to_string(served.join("index.html")).unwrap();
    assert!(home.contains("Trang đầu"), "the page takes the word");

    // A broken file fails without touching the served site; the fix builds.
    let before = tree(&served);
    b.write(last, "date: [\n");
    assert!(matches!(b.rebuild(&[last]), Outcome::Failed { .. }));
    assert_eq!(tree(&served), before, "the last good site stays");
    b.write(last, &text);
    b.built(&[last], "the fixed snapshot");
    full_build(&b.content, &full, &cache);
    assert_same(&served, &full, "every edit");
}

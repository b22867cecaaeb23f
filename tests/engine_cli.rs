//! The command line as a user meets it: exit codes, the summary of `check`,
//! errors on standard error, nothing written on failure.

mod common;

use common::Fixture;
use std::process::Command;

fn ntm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ntm-site"))
}

/// The command line in English (`--lang en`), whatever the site's language.
fn ntm_en() -> Command {
    let mut c = ntm();
    c.args(["--lang", "en"]);
    c
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
        .file("progress/2015-03-13.yaml", "communes:\n  d/b: [1]\n")
}

#[test]
fn check_prints_a_summary_and_writes_nothing() {
    let f = small();
    let out = ntm_en()
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("communes:  2"), "{stdout}");
    assert!(
        stdout.contains("snapshots: 2 (2015-03-06 .. 2015-03-13)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("on 2015-03-13: 1 of 2 known communes meet the standard"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: 'd/b' lost criterion 2"),
        "{stderr}"
    );
    assert!(!f.dir.path().join("output").exists());
}

#[test]
fn deny_warnings_turns_them_into_errors() {
    let f = small();
    let out = ntm_en()
        .args(["check", "--deny-warnings", "--content"])
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn errors_exit_1_and_leave_the_output_alone() {
    let f = small();
    let output = f.dir.path().join("site");
    let ok = ntm_en()
        .arg("build")
        .arg("--content")
        .arg(f.root())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let before = std::fs::read(output.join("data/summary.json")).unwrap();
    let f = f
        .file("progress/2015-03-20.yaml", "communes:\n  d/c: [1]\n")
        .file("communes/d/e.yaml", "name: E\npopulation: 1.234\n");
    let bad = ntm_en()
        .arg("build")
        .arg("--content")
        .arg(f.root())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("communes/d/e.yaml:2:13: population must be a whole number"),
        "{stderr}"
    );
    assert!(
        stderr.contains("progress/2015-03-20.yaml:2:3: unknown commune id 'd/c'"),
        "{stderr}"
    );
    assert!(stderr.contains("2 errors"), "{stderr}");
    assert_eq!(
        std::fs::read(output.join("data/summary.json")).unwrap(),
        before
    );
}

#[test]
fn a_wrong_command_line_exits_2() {
    let out = ntm_en().args(["build", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = ntm_en().arg("publish").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_teaches_with_examples_and_version_names_the_format() {
    // Every subcommand that `ntm-site --help` lists, in each language.
    for (lang, commands, examples) in [("en", "Commands:", "Examples:"), ("vi", "Lệnh:", "Ví dụ:")]
    {
        let out = ntm().args(["--lang", lang, "--help"]).output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(help.contains(examples), "{help}");
        let subs: Vec<String> = help
            .lines()
            .skip_while(|l| !l.starts_with(commands))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .filter(|s| s != "help")
            .collect();
        assert!(subs.len() >= 6, "{help}");
        for sub in &subs {
            let out = ntm()
                .args(["--lang", lang, sub, "--help"])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0));
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains(examples), "{sub} --help: {text}");
            assert!(
                text.contains(&format!("ntm-site {sub}")),
                "{sub} --help: {text}"
            );
        }
    }
    let out = ntm_en().arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "content format v{}",
            ntm_site::CONTENT_FORMAT_VERSION
        )),
        "{text}"
    );
}

#[test]
fn a_base_url_without_scheme_is_refused_and_nothing_is_written() {
    let f = small();
    let out_dir = f.dir.path().join("output");
    for bad in ["ntm.hanam.gov.vn", "javascript:alert(1)//", "https://"] {
        let out = ntm_en()
            .args(["build", "--base-url", bad, "--content"])
            .arg(f.root())
            .arg("--output")
            .arg(&out_dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--base-url {bad}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("base URL"), "--base-url {bad}: {stderr}");
        assert!(!out_dir.exists(), "--base-url {bad} wrote the output");
    }
    let out = ntm_en()
        .args(["build", "--base-url", "ntm.hanam.gov.vn", "--content"])
        .arg(f.root())
        .arg("--output")
        .arg(&out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean 'https://ntm.hanam.gov.vn/'?"),
        "{stderr}"
    );
}

#[test]
fn check_compiles_the_theme_and_names_a_misspelt_override() {
    let f = small().file(
        "theme/templates/comune.html",
        "{% extends \"base.html\" %}{% block main %}x{% endblock %}\n",
    );
    let out = ntm_en()
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "theme/templates/comune.html: warning: the theme has no template named 'comune.html'"
        ) && stderr.contains("did you mean 'commune.html'?"),
        "{stderr}"
    );
    let f = f.file(
        "theme/templates/home.html",
        "{% extends \"base.html\" %}\n{% block main %}{{ oops(\n",
    );
    let out = ntm_en()
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken override is an error of check"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("theme/templates/home.html:3:1: the theme cannot be rendered: template 'home.html': expected an identifier"),
        "{stderr}"
    );
}

#[test]
fn a_link_to_nothing_is_reported_at_its_markdown_line_by_check_and_build() {
    let f = small().file(
        "news/tin.md",
        "---\ntitle: Tin\ndate: 2015-03-06\n---\nXem [xã A](/xa/d/a/) và [xã C](/xa/d/c/).\n",
    );
    let want = "news/tin.md:5:25: warning: link '/xa/d/c/' leads to no file of the build";
    let out = ntm_en()
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(want), "check: {stderr}");
    assert!(
        !stderr.contains("/xa/d/a/"),
        "the good link is not reported: {stderr}"
    );
    let out = ntm_en()
        .arg("build")
        .arg("--content")
        .arg(f.root())
        .arg("--output")
        .arg(f.dir.path().join("output"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(want), "build: {stderr}");
    assert!(
        !stderr.contains("tin-tuc/tin/index.html"),
        "not by the output page: {stderr}"
    );
}

#[test]
fn check_speaks_vietnamese_by_default_english_for_an_english_site_and_lang_overrides() {
    let f = small().file("communes/d/e.yaml", "name: E\npopulation: 1.234\n");
    let run = |extra: &[&str], f: &Fixture| {
        let out = ntm()
            .arg("check")
            .args(extra)
            .arg("--content")
            .arg(f.root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let vi = run(&[], &f);
    assert!(
        vi.contains("communes/d/e.yaml:2:13: population phải là một số nguyên, không phải '1.234'; hãy viết '1234', không có dấu chấm phân cách hàng nghìn"),
        "{vi}"
    );
    assert!(vi.ends_with("1 lỗi, 0 cảnh báo\n"), "{vi}");
    let en = run(&["--lang", "en"], &f);
    assert!(
        en.contains("communes/d/e.yaml:2:13: population must be a whole number, not '1.234'"),
        "{en}"
    );
    assert!(en.ends_with("1 error, 0 warnings\n"), "{en}");

    let site_en = format!("{}language: en\n", common::SITE);
    let f = f.file("site.yaml", &site_en);
    let en = run(&[], &f);
    assert!(en.contains("population must be a whole number"), "{en}");
    let vi = run(&["--lang", "vi"], &f);
    assert!(vi.contains("population phải là một số nguyên"), "{vi}");
}

#[test]
fn the_summary_of_check_is_in_the_sites_language() {
    let f = small();
    let out = ntm()
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("  xã:           2\n"), "{stdout}");
    assert!(
        stdout.contains("  báo cáo tuần: 2 (từ 6/3/2015 đến 13/3/2015)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  ngày 13/3/2015: 1 trên 2 xã có số liệu đạt chuẩn"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("progress/2015-03-13.yaml:2:3: cảnh báo: 'd/b' bị mất tiêu chí 2 (trước đạt 2, nay đạt 1 tiêu chí)"),
        "{stderr}"
    );
}

#[test]
fn a_broken_site_yaml_still_gets_vietnamese_and_build_says_what_it_kept() {
    let f = small().file("site.yaml", "title: [Tỉnh\n");
    let output = f.dir.path().join("site");
    let out = ntm()
        .arg("build")
        .arg("--content")
        .arg(f.root())
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("site.yaml:"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "không ghi gì cả; thư mục {} vẫn giữ nguyên",
            output.display()
        )),
        "{stderr}"
    );
}

#[test]
fn usage_errors_in_the_readers_language() {
    let out = ntm().args(["chek"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("lỗi: không có lệnh 'chek'; có phải là 'check'?"),
        "{stderr}"
    );
    let out = ntm().args(["check", "--deny-warning"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .starts_with("lỗi: không có tùy chọn '--deny-warning'; có phải là '--deny-warnings'?"),
        "{stderr}"
    );
    let out = ntm().args(["--lang", "en", "chek"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unrecognized subcommand 'chek'"),
        "{stderr}"
    );
    let out = ntm().args(["check", "--lang", "fr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("'fr'"), "{stderr}");
}
/// `build`'s closing summary counts what is in the output folder; `-q`
/// leaves only errors and warnings; `-v` adds each stage's time.
#[test]
fn build_summary_counts_what_was_written() {
    let f = small();
    let out = f.dir.path().join("output");
    let run = |flags: &[&str]| {
        let o = ntm()
            .args(flags)
            .args(["build", "--content"])
            .arg(f.root())
            .arg("--output")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let said = run(&[]);
    let (mut files, mut pages, mut charts) = (0, 0, 0);
    for e in walkdir::WalkDir::new(&out) {
        let e = e.unwrap();
        // The marker that lets a later build replace the folder is not counted.
        if !e.file_type().is_file() || e.file_name() == ".ntm-site-output" {
            continue;
        }
        files += 1;
        match e.path().extension().and_then(|x| x.to_str()) {
            Some("html") => pages += 1,
            Some("svg") => charts += 1,
            _ => {}
        }
    }
    assert!(pages > 3 && charts > 0, "{pages} {charts}");
    assert!(said.contains("đã dựng "), "{said}");
    assert!(
        said.contains(&format!("  {pages} trang, {files} tệp, {charts} biểu đồ\n")),
        "counted {pages} pages, {files} files, {charts} charts: {said}"
    );
    assert!(said.contains("  thời gian: "), "{said}");
    assert!(!said.contains("dựng trang:"), "{said}");
    // -v: the stages' times.
    let verbose = run(&["-v"]);
    for stage in ["kiểm tra:", "ảnh:", "dựng trang:", "ghi:", "in PDF:"] {
        assert!(verbose.contains(stage), "{stage}: {verbose}");
    }
    // -q: only the warnings (d/b lost criterion 2), no summary.
    let quiet = run(&["-q"]);
    assert!(quiet.contains("'d/b'"), "{quiet}");
    assert!(
        !quiet.contains("đã dựng") && !quiet.contains("thời gian"),
        "{quiet}"
    );
}

/// `--help` speaks the reader's language: Vietnamese headings, commands
/// and options (with their defaults and value names) for a Vietnamese site,
/// `ntm-site help build` as `build --help`; clap's English for `--lang en`.
#[test]
fn help_is_in_the_readers_language() {
    let help = |args: &[&str]| {
        let out = ntm().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let top = help(&["--help"]);
    assert!(
        top.contains("Cách dùng: ntm-site [tùy chọn] <LỆNH>\n"),
        "{top}"
    );
    assert!(top.contains("\nLệnh:\n"), "{top}");
    assert!(
        top.contains("Kiểm tra nội dung và in tóm tắt; không ghi tệp nào"),
        "{top}"
    );
    assert!(top.contains("\nTùy chọn:\n"), "{top}");
    assert!(top.contains("In trợ giúp này"), "{top}");
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "Build the site",
    ] {
        assert!(!top.contains(english), "{english}: {top}");
    }
    let build = help(&["build", "--help"]);
    assert!(
        build.contains("Cách dùng: ntm-site build [tùy chọn]\n"),
        "{build}"
    );
    assert!(build.contains("--content <THƯ-MỤC>"), "{build}");
    assert!(
        build.contains("Thư mục nội dung [mặc định: content]"),
        "{build}"
    );
    assert!(!build.contains("[default:"), "{build}");
    assert_eq!(help(&["help", "build"]), build);
    let import = help(&["import", "--help"]);
    assert!(
        import.contains("Cách dùng: ntm-site import [tùy chọn] <TỆP>\n"),
        "{import}"
    );
    assert!(import.contains("\nTham số:\n"), "{import}");
    let en = help(&["--lang", "en", "--help"]);
    assert!(en.contains("Usage: ntm-site [OPTIONS] <COMMAND>"), "{en}");
    assert!(en.contains("Build the site"), "{en}");
}

/// A news bundle's own picture, linked from its text, is no broken link:
/// `check` (which processes no photos) says what `build` says, nothing.
#[test]
fn check_knows_the_pictures_of_a_bundle_as_build_does() {
    let jpg = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content/news/dang-uy-khoi-do-dau/anh-bia.jpg"),
    )
    .unwrap();
    let f = small()
        .file(
            "news/tin-anh/index.md",
            "---\ntitle: Tin có ảnh\ndate: 2015-03-13\ncover: anh.jpg\n---\n![Ảnh](anh.jpg)\n\n[Ảnh cỡ lớn](anh.jpg) và [ảnh không có](khong-co.jpg).\n",
        )
        .bytes("news/tin-anh/anh.jpg", &jpg);
    let run = |cmd: &[&str]| {
        let out = ntm_en()
            .args(cmd)
            .arg("--content")
            .arg(f.root())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let site = f.dir.path().join("site");
    let checked = run(&["check"]);
    let built = run(&["build", "--output", site.to_str().unwrap()]);
    for said in [&checked, &built] {
        assert!(!said.contains("'anh.jpg'"), "{said}");
        assert!(
            said.contains("news/tin-anh/index.md:8:26:") && said.contains("'khong-co.jpg'"),
            "{said}"
        );
    }
}

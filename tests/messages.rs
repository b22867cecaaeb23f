//! What a clerk reads when the content is wrong, in Vietnamese (the default)
//! and in English: YAML slips in plain words at the line of the slip, one
//! message for a misnamed file instead of a flood, hints for a commune
//! written by its name, an Excel serial date and a year typo, and the command
//! line's own lines. Each report is kept as two insta snapshots, `<name>_en`
//! and `<name>_vi`.

mod common;

use common::{Fixture, SITE};
use ntm_site::diag::Lang;
use std::path::Path;
use std::process::Command;

fn base() -> Fixture {
    Fixture::new()
        .file("communes/ky-anh/_index.yaml", "name: Kỳ Anh\n")
        .file("communes/ky-anh/ky-thu.yaml", "name: Kỳ Thư\n")
        .file("communes/ky-anh/ky-tan.yaml", "name: Kỳ Tân\n")
}

/// Snapshots the report of one check in both languages and returns them
/// (English, Vietnamese) for further assertions.
macro_rules! assert_both {
    ($name:literal, $f:expr) => {{
        let (en, vi) = ($f.messages_in(Lang::En), $f.messages_in(Lang::Vi));
        insta::assert_snapshot!(concat!($name, "_en"), en);
        insta::assert_snapshot!(concat!($name, "_vi"), vi);
        (en, vi)
    }};
}

#[test]
fn a_tab_in_the_indentation_is_named_at_its_line() {
    let f = base().file(
        "progress/2015-08-28.yaml",
        "date: 2015-08-28\ncommunes:\n  ky-anh/ky-thu: [1, 2]\n\tky-anh/ky-tan: [1]\n",
    );
    let (en, vi) = assert_both!("tab_indentation", f);
    assert!(
        vi.contains(
            "progress/2015-08-28.yaml:4:1: dòng 4 thụt lề bằng dấu tab; hãy thay bằng dấu cách"
        ),
        "{vi}"
    );
    assert!(en.contains(":4:1: line 4 is indented with a tab"), "{en}");
}

#[test]
fn a_missing_colon_is_reported_at_its_own_line() {
    // The parser stops on line 3; the slip is on line 2.
    let f = base().file(
        "progress/2015-08-28.yaml",
        "communes:\n  ky-anh/ky-thu [1, 2]\n  ky-anh/ky-tan: [1]\n",
    );
    let (en, vi) = assert_both!("missing_colon", f);
    assert!(vi.contains("progress/2015-08-28.yaml:2:"), "{vi}");
    assert!(!vi.contains("progress/2015-08-28.yaml:3:"), "{vi}");
    assert!(en.contains("progress/2015-08-28.yaml:2:"), "{en}");
}

#[test]
fn an_open_quote_or_bracket_is_named_where_it_opens() {
    let f = base()
        .file(
            "communes/ky-anh/ky-thu.yaml",
            "name: \"Kỳ Thư\npopulation: 9120\n",
        )
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  ky-anh/ky-thu: [1, 2\n  ky-anh/ky-tan: [1]\n",
        );
    let (_, vi) = assert_both!("open_quote_and_bracket", f);
    assert!(vi.contains("communes/ky-anh/ky-thu.yaml:1:7:"), "{vi}");
    assert!(vi.contains("progress/2015-08-28.yaml:2:18:"), "{vi}");
}

/// The file of `ky-anh/ky-thu` saved as `ky-thuu.yaml`, named by three
/// snapshots and a news item.
fn misnamed() -> Fixture {
    base()
        .remove("communes/ky-anh/ky-thu.yaml")
        .file("communes/ky-anh/ky-thuu.yaml", "name: Kỳ Thư\n")
        .file(
            "progress/2015-08-14.yaml",
            "communes:\n  ky-anh/ky-thu: [1]\n  ky-anh/ky-tan: [1]\n",
        )
        .file(
            "progress/2015-08-21.yaml",
            "communes:\n  ky-anh/ky-thu: [1, 2]\n",
        )
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  ky-anh/ky-thu: [1, 2, 3]\n",
        )
        .file(
            "news/2015-08-28-ky-thu.md",
            "---\ntitle: Kỳ Thư về đích\ndate: 2015-08-28\ncommunes: [ky-anh/ky-thu]\n---\nNội dung.\n",
        )
}

#[test]
fn a_misnamed_commune_file_is_one_message_with_the_rename() {
    let f = misnamed();
    let (en, vi) = assert_both!("misnamed_commune_file", f);
    assert_eq!(vi.lines().count(), 2, "one error and the count:\n{vi}");
    assert!(
        vi.starts_with("communes/ky-anh/ky-thuu.yaml: tệp communes/ky-anh/ky-thuu.yaml có lẽ phải có tên là ky-thu.yaml"),
        "{vi}"
    );
    assert!(vi.contains("sẽ sửa được 4 lỗi"), "{vi}");
    assert!(vi.ends_with("1 lỗi, 0 cảnh báo\n"), "{vi}");
    assert!(en.contains("renaming it fixes 4 errors"), "{en}");
}

#[test]
fn a_misnamed_file_is_not_guessed_from_a_single_reference() {
    // One reference to a missing id is more likely a typo in the snapshot:
    // it is reported there, with the closest id.
    let f = base()
        .remove("communes/ky-anh/ky-thu.yaml")
        .file("communes/ky-anh/ky-thuu.yaml", "name: Kỳ Thư\n")
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  ky-anh/ky-thu: [1]\n",
        );
    let vi = f.messages_vi();
    assert!(
        vi.contains("progress/2015-08-28.yaml:2:3: không tìm thấy xã 'ky-anh/ky-thu'"),
        "{vi}"
    );
    assert!(!vi.contains("đổi tên tệp"), "{vi}");
}

#[test]
fn a_commune_written_by_its_name_gets_its_id() {
    let f = base()
        .file("communes/kim-bang/_index.yaml", "name: Kim Bảng\n")
        .file("communes/kim-bang/thuy-loi.yaml", "name: Thụy Lôi\n")
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  Xã Thụy Lôi: [1]\n  THỤY LÔI: [1, 2]\n  Thụy Lôi (Kim Bảng): [1, 2, 3]\n",
        );
    let (en, vi) = assert_both!("commune_by_name", f);
    assert_eq!(
        vi.matches("có phải là 'kim-bang/thuy-loi'?").count(),
        3,
        "{vi}"
    );
    assert_eq!(
        en.matches("did you mean 'kim-bang/thuy-loi'?").count(),
        3,
        "{en}"
    );
}

#[test]
fn a_name_two_districts_share_is_narrowed_by_the_district() {
    let f = base()
        .file("communes/kim-bang/_index.yaml", "name: Kim Bảng\n")
        .file("communes/kim-bang/thuy-loi.yaml", "name: Thụy Lôi\n")
        .file("communes/thanh-liem/_index.yaml", "name: Thanh Liêm\n")
        .file("communes/thanh-liem/thuy-loi.yaml", "name: Thụy Lôi\n")
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  THỤY LÔI: [1]\n  Thụy Lôi (Kim Bảng): [1, 2]\n",
        );
    let (_, vi) = assert_both!("commune_by_shared_name", f);
    assert!(
        vi.contains("2:3: không tìm thấy xã 'THỤY LÔI'")
            && vi.contains("'kim-bang/thuy-loi', 'thanh-liem/thuy-loi'"),
        "{vi}"
    );
    assert!(
        vi.contains("3:3: không tìm thấy xã 'Thụy Lôi (Kim Bảng)'")
            && vi.contains("; có phải là 'kim-bang/thuy-loi'?"),
        "{vi}"
    );
}

#[test]
fn an_excel_serial_date_and_a_year_typo_get_the_date_meant() {
    let f = base()
        .file(
            "communes/ky-anh/ky-tan.yaml",
            "name: Kỳ Tân\ntarget_year: 2105\n",
        )
        .file(
            "progress/2015-08-27.yaml",
            "date: 42243\ncommunes:\n  ky-anh/ky-thu: [1]\n",
        )
        .file(
            "news/2015-08-28-tin.md",
            "---\ntitle: Tin\ndate: 2105-08-28\n---\nNội dung.\n",
        );
    let (en, vi) = assert_both!("serial_date_and_year_typo", f);
    assert!(vi.contains("hãy viết '2015-08-27'"), "{vi}");
    assert!(en.contains("write '2015-08-27'"), "{en}");
    assert_eq!(vi.matches("có phải là năm 2015?").count(), 2, "{vi}");
    assert_eq!(en.matches("did you mean 2015?").count(), 2, "{en}");
}

fn ntm() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ntm-site"))
}

/// `ntm-site check` of `f` with `extra` arguments: its exit code, standard
/// output and standard error.
fn check(f: &Fixture, extra: &[&str]) -> (Option<i32>, String, String) {
    let out = ntm()
        .args(extra)
        .arg("check")
        .arg("--content")
        .arg(f.root())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn lang_overrides_the_sites_language_and_an_english_site_speaks_english() {
    let bad = "name: Kỳ Tân\npopulation: 1.234\n";
    let vi_site = base().file("communes/ky-anh/ky-tan.yaml", bad);
    let (code, _, vi) = check(&vi_site, &[]);
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("lang_site_vi_default", vi);
    let (_, _, en) = check(&vi_site, &["--lang", "en"]);
    insta::assert_snapshot!("lang_flag_en_over_vi_site", en);

    let en_site = vi_site.file("site.yaml", &format!("{SITE}language: en\n"));
    let (_, _, en) = check(&en_site, &[]);
    insta::assert_snapshot!("lang_site_en_default", en);
    let (_, _, vi) = check(&en_site, &["--lang", "vi"]);
    insta::assert_snapshot!("lang_flag_vi_over_en_site", vi);
    assert!(vi.contains("population phải là một số nguyên"), "{vi}");
}

/// `text` with the temporary folder `dir` written as `<tmp>`.
fn redact(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "<tmp>")
}

#[test]
fn the_command_lines_own_lines_are_vietnamese_by_default() {
    let f = base().file(
        "progress/2015-08-28.yaml",
        "communes:\n  ky-anh/ky-thu: all\n  ky-anh/ky-tan: [1, 2]\n",
    );
    let (code, summary, _) = check(&f, &[]);
    assert_eq!(code, Some(0));
    insta::assert_snapshot!("cli_check_ok_vi", summary);
    let (_, summary, _) = check(&f, &["--lang", "en"]);
    insta::assert_snapshot!("cli_check_ok_en", summary);

    let output = f.dir.path().join("site");
    let build = |extra: &[&str]| {
        let out = ntm()
            .args(extra)
            .arg("build")
            .arg("--content")
            .arg(f.root())
            .arg("--output")
            .arg(&output)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        redact(&String::from_utf8_lossy(&out.stderr), f.dir.path())
    };
    // The summary's first line; the next ones count pages and time the run.
    let vi = build(&[]);
    insta::assert_snapshot!("cli_build_done_vi", vi.lines().next().unwrap_or(""));
    assert!(vi.contains("\n  thời gian: "), "{vi}");
    let en = build(&["--lang", "en"]);
    insta::assert_snapshot!("cli_build_done_en", en.lines().next().unwrap_or(""));
    assert!(en.contains("\n  time: "), "{en}");

    let broken = base().file(
        "progress/2015-08-28.yaml",
        "communes:\n  ky-anh/ky-thu: [1, 9]\n",
    );
    let out = ntm()
        .arg("build")
        .arg("--content")
        .arg(broken.root())
        .arg("--output")
        .arg(broken.dir.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(
        "cli_build_failed_vi",
        redact(&String::from_utf8_lossy(&out.stderr), broken.dir.path())
    );

    // Usage errors of our own, in the reader's language.
    let usage = |args: &[&str]| {
        let out = ntm().current_dir(f.dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let mut vi = String::new();
    for args in [
        &["chek"][..],
        &["check", "--deny-warning"],
        &["build", "--pdf-year", "hai"],
        &["check", "--lang", "fr"],
        &[],
    ] {
        vi.push_str(&format!("$ ntm-site {}\n{}\n", args.join(" "), usage(args)));
    }
    insta::assert_snapshot!("cli_usage_errors_vi", vi);
}

#[test]
fn every_error_snapshot_has_its_vietnamese_twin() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".snap"))
        .collect();
    names.sort();
    let mut checked = 0;
    for n in &names {
        let stem = n.trim_end_matches(".snap");
        // The command line's runs (`messages__cli_*`, `messages__lang_*`)
        // are snapshots of one language each, on purpose.
        let is_error_report = stem.starts_with("engine_errors")
            || (stem.starts_with("messages__") && stem.ends_with("_en"));
        if !is_error_report || stem.ends_with("_vi") {
            continue;
        }
        let base = stem.strip_suffix("_en").unwrap_or(stem);
        let twin = format!("{base}_vi.snap");
        assert!(names.contains(&twin), "{n} has no Vietnamese twin {twin}");
        checked += 1;
    }
    assert!(checked >= 13, "only {checked} snapshots found in {dir:?}");
}

//! The command line as a user meets it: exit codes, the summary of `check`,
//! errors on standard error, nothing written on failure.

mod common;

use common::Fixture;
use std::process::Command;

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
        .file("progress/2015-03-13.yaml", "communes:\n  d/b: [1]\n")
}

#[test]
fn check_prints_a_summary_and_writes_nothing() {
    let f = small();
    let out = ntm()
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
    let out = ntm()
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
    let ok = ntm()
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
    let bad = ntm()
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
    let out = ntm().args(["build", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = ntm().arg("publish").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

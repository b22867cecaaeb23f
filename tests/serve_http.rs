//! `ntm-site serve` over HTTP, as a browser sees it, on a copy of the sample
//! province: pages with the live script and nothing else added, folders and
//! content types, the site's 404 page; an edited snapshot gives a reload
//! event and the changed page; a broken file gives the errors (file, line,
//! column, message) while the last good page is still served; the fix gives
//! the page back. Waits are generous polls, not timings.

mod serve_support;

use serve_support::*;
use std::path::Path;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(600);

/// The latest snapshot of the sample.
fn latest(content: &Path) -> String {
    let mut snaps: Vec<String> = std::fs::read_dir(content.join("progress"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    snaps.sort();
    format!("progress/{}", snaps.last().unwrap())
}

#[test]
fn serve_reloads_shows_errors_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .as_path(),
        &content,
    );
    let cache = tmp.path().join("cache");
    let server = start(
        Path::new(env!("CARGO_BIN_EXE_ntm-site")),
        &content,
        &cache,
        WAIT,
    );
    let addr = server.addr.clone();
    let dir = serve_dir(&cache, server.port);

    // The home page: the built file with the script, and nothing else added.
    let home = get(&addr, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        without_script(&home.body),
        std::fs::read(dir.join("index.html")).unwrap()
    );
    assert!(
        !std::fs::read_to_string(dir.join("index.html"))
            .unwrap()
            .contains("ntm-site-serve")
    );
    // A folder without its final slash is redirected, so relative links work.
    let redirect = get(&addr, "/xa");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location"), Some("/xa/"));
    assert_eq!(get(&addr, "/xa/").status, 200);
    let css = get(&addr, "/assets/style.css");
    assert_eq!(css.status, 200, "the theme's style sheet");
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    let svg = get(&addr, "/bieu-do/tinh-tien-do.svg");
    assert_eq!(
        svg.header("Content-Type"),
        Some("image/svg+xml; charset=utf-8")
    );
    let missing = get(&addr, "/khong-co/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        without_script(&missing.body),
        std::fs::read(dir.join("404.html")).unwrap(),
        "the site's own 404 page"
    );
    assert_eq!(get(&addr, "/../Cargo.toml").status, 404);

    // Edit the latest snapshot: one commune loses all but two criteria.
    let rel = latest(&content);
    let text = std::fs::read_to_string(content.join(&rel)).unwrap();
    let (id, edited) = demote(&text);
    let page = format!("/xa/{id}/");
    let before = get(&addr, &page);
    assert_eq!(before.status, 200, "{page}");
    let stream = events(&addr);
    wait_for(&stream, "state", WAIT);
    std::fs::write(content.join(&rel), &edited).unwrap();
    wait_for(&stream, "reload", WAIT);
    let after = get(&addr, &page);
    assert_eq!(after.status, 200);
    assert_ne!(without_script(&after.body), without_script(&before.body));
    // The commune's timeline now says it meets 2 of the 19 criteria.
    assert!(after.text().contains("đạt 2/19 tiêu chí"), "{page}");
    assert!(!before.text().contains("đạt 2/19 tiêu chí"));
    assert_eq!(
        without_script(&after.body),
        std::fs::read(dir.join(format!("xa/{id}/index.html"))).unwrap()
    );

    // Break it: the errors arrive with file, line and column; the last good
    // page is still served.
    // An unclosed list at the end of the file.
    let broken = format!("{edited}  {id}: [1, 2\n");
    std::fs::write(content.join(&rel), &broken).unwrap();
    let data = wait_for(&stream, "errors", WAIT);
    let v: serde_json::Value = serde_json::from_str(&data).unwrap();
    let lines: Vec<&str> = v["errors"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{rel}:"))
            && l[rel.len() + 1..]
                .split(':')
                .take(2)
                .all(|n| n.parse::<u32>().is_ok())),
        "{lines:?}"
    );
    assert!(v["errors"]["heading"].as_str().unwrap().contains("lỗi"));
    let still = get(&addr, &page);
    assert_eq!(without_script(&still.body), without_script(&after.body));
    // A page opened now gets the errors at once.
    let late = events(&addr);
    let state: serde_json::Value = serde_json::from_str(&wait_for(&late, "state", WAIT)).unwrap();
    assert_eq!(state["errors"], v["errors"]);

    // Fix it: the pages reload, without errors.
    std::fs::write(content.join(&rel), &edited).unwrap();
    wait_for(&stream, "reload", WAIT);
    let fixed = get(&addr, &page);
    assert_eq!(without_script(&fixed.body), without_script(&after.body));
    let state: serde_json::Value =
        serde_json::from_str(&wait_for(&events(&addr), "state", WAIT)).unwrap();
    assert!(state["errors"].is_null());

    // Temporary and lock files of editors and spreadsheets start no build.
    std::fs::write(content.join("progress/~$bang.xlsx"), "x").unwrap();
    std::fs::write(content.join("progress/.2017.yaml.swp"), "x").unwrap();
    std::fs::write(content.join(&rel), &text).unwrap();
    wait_for(&stream, "reload", WAIT);
    assert!(
        stream.recv_timeout(Duration::from_secs(3)).is_err(),
        "one build for one save"
    );
}

//! The English edition (`language: en`): the charts and their data tables
//! carry no Vietnamese word of the site's own, only the names the content
//! gives (communes, districts, criteria, the office); and a site replaces
//! any of its words with `theme/i18n/<lang>.yaml`.

mod site_support;

use ntm_site::diag::{Lang, Severity};
use site_support::*;
use std::collections::BTreeSet;
use std::path::Path;

/// A copy of the content folder `from` in a temporary folder, with
/// `language: en`.
fn english_copy(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = root.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    let site = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    assert!(site.contains("language: vi"), "{site}");
    std::fs::write(
        root.join("site.yaml"),
        site.replace("language: vi", "language: en"),
    )
    .unwrap();
    dir
}

/// The names the content gives, as text: the communes', districts' and
/// criteria files and the site's title and organisation, without the
/// kinds (`kind: xã`, which the English edition does not show) and
/// comments.
fn content_names(root: &Path) -> String {
    let mut out = String::new();
    for sub in ["communes", "criteria"] {
        for e in walkdir::WalkDir::new(root.join(sub)) {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "yaml") {
                out.push_str(&std::fs::read_to_string(e.path()).unwrap());
                out.push('\n');
            }
        }
    }
    for line in std::fs::read_to_string(root.join("site.yaml"))
        .unwrap()
        .lines()
    {
        if line.starts_with("title:") || line.starts_with("organization:") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.lines()
        .filter(|l| {
            let t = l.trim_start();
            !t.starts_with('#') && !t.starts_with("kind:")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words (runs of letters) of `text`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// A word with a letter English does not have (`xã`, `Ngày`, `đạt`).
fn is_vietnamese(word: &str) -> bool {
    word.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// The words of the charts in Vietnamese; each must not be found in an
/// English chart unless the content's names hold it (a criterion named
/// "… xã hội").
const CHART_PHRASES: &[&str] = &[
    "Nguồn",
    "Số liệu",
    "số liệu",
    "Chưa có",
    "chưa có",
    "Toàn tỉnh",
    "toàn tỉnh",
    "Tiêu chí",
    "tiêu chí",
    "Đạt chuẩn",
    "đạt chuẩn",
    "Chưa đạt",
    "Ngày ",
    "QĐ ",
    "Bình quân",
    "Tỷ lệ",
    "Sáp nhập",
    "Thành lập",
    "về đích",
    "Số xã",
    " xã ",
    "Đơn vị",
    "Huyện",
    "Bộ tiêu chí",
    "Ghi chú",
    "Kết quả",
];

/// The text nodes of an SVG or HTML fragment (tags and attributes left out).
fn text_nodes(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// What in `text` (of the file `file`) is a Vietnamese word of the site's
/// own: a word with Vietnamese letters the content's names do not have,
/// or a chart phrase they do not hold.
fn vietnamese_of_the_site(
    file: &str,
    text: &str,
    names: &str,
    name_words: &BTreeSet<&str>,
) -> Vec<String> {
    let mut found = Vec::new();
    for w in words(text) {
        if is_vietnamese(w) && !name_words.contains(w) {
            found.push(format!("{file}: word '{w}' in «{}»", excerpt(text, w)));
        }
    }
    for p in CHART_PHRASES {
        if text.contains(p) && !names.contains(p) {
            found.push(format!("{file}: '{p}' in «{}»", excerpt(text, p)));
        }
    }
    found
}

fn excerpt<'a>(text: &'a str, at: &str) -> &'a str {
    let i = text.find(at).unwrap_or(0);
    let start = text[..i].char_indices().rev().nth(40).map_or(0, |(k, _)| k);
    let end = text[i..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(k, _)| i + k);
    text[start..end].trim()
}

#[test]
fn the_english_edition_has_no_vietnamese_word_of_its_own_in_its_charts() {
    let dir = english_copy(&sample());
    let root = dir.path().join("content");
    let b = build_site(&root, None);
    let names = content_names(&root);
    let name_words: BTreeSet<&str> = words(&names).collect();
    let files = b.files();
    let mut found = Vec::new();
    let mut svgs = 0;
    for (path, bytes) in &files {
        if path.starts_with("bieu-do/") && path.ends_with(".svg") {
            svgs += 1;
            let svg = String::from_utf8(bytes.clone()).unwrap();
            found.extend(vietnamese_of_the_site(
                path,
                &text_nodes(&svg),
                &names,
                &name_words,
            ));
        }
    }
    assert!(svgs > 100, "only {svgs} charts");
    // The charts on the pages: their captions, inline SVG (the bulletin's)
    // and data tables.
    let figure = sel("figure.chart");
    let mut tables = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for f in html.select(&figure) {
            tables += f.select(&sel("table")).count();
            let text = f.text().collect::<Vec<_>>().join(" ");
            found.extend(vietnamese_of_the_site(path, &text, &names, &name_words));
        }
    }
    assert!(tables > 100, "only {tables} chart tables");
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "{} Vietnamese words of the site in the English charts:\n{}",
        found.len(),
        found
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Numbers and dates in the English form.
    let svg = b.text("bieu-do/tinh-tien-do.svg");
    let source = text_nodes(&svg);
    assert!(source.contains("Source: "), "{source}");
    assert!(
        source.contains(" Jan ")
            || source.contains(" Apr ")
            || source.contains(" Jun ")
            || source.contains(" Jul ")
            || source.contains(" Oct ")
            || source.contains(" Dec "),
        "{source}"
    );
}

#[test]
fn the_data_files_are_the_same_in_either_language() {
    let vi = build_site(&example(), None);
    let dir = english_copy(&example());
    let en = build_site(&dir.path().join("content"), None);
    let data = |b: &Built| -> Vec<(String, Vec<u8>)> {
        b.files()
            .into_iter()
            .filter(|(p, _)| p.starts_with("data/"))
            .collect()
    };
    let (a, b) = (data(&vi), data(&en));
    assert!(!a.is_empty());
    assert_eq!(
        a.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        b.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    for ((p, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "data file {p} differs between vi and en");
    }
}

#[test]
fn a_site_overrides_its_words_from_the_content_folder() {
    let dir = english_copy(&example());
    let root = dir.path().join("content");
    std::fs::create_dir_all(root.join("theme/i18n")).unwrap();
    std::fs::write(
        root.join("theme/i18n/en.yaml"),
        "nav_home: \"Front page\"\nch_province: \"All the province\"\nnav_hom: \"Home\"\n",
    )
    .unwrap();
    // The Vietnamese words of the same site are checked but not used.
    std::fs::write(root.join("theme/i18n/vi.yaml"), "nav_home: \"Trang đầu\"\n").unwrap();
    let checked = ntm_site::build::check(&root, false, false).expect("no error");
    let warnings: Vec<String> = checked
        .diagnostics
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.file == "theme/i18n/en.yaml")
        .map(|d| d.display(Lang::Vi))
        .collect();
    assert_eq!(
        warnings,
        vec![
            "theme/i18n/en.yaml:3:1: cảnh báo: giao diện không có chữ nào có khóa 'nav_hom', nên dòng này bị bỏ qua; có phải ý bạn là 'nav_home'?"
                .to_string()
        ]
    );
    let b = build_site(&root, None);
    let home = b.text("index.html");
    assert!(
        home.contains("Front page"),
        "the override is not on the page"
    );
    assert!(!home.contains("Trang đầu"));
    let bands = b.text("bieu-do/phan-nhom.svg");
    assert!(bands.contains("All the province"), "{bands}");
}

#[test]
fn a_word_that_is_not_text_is_an_error_at_its_place() {
    let dir = english_copy(&example());
    let root = dir.path().join("content");
    std::fs::create_dir_all(root.join("theme/i18n")).unwrap();
    std::fs::write(
        root.join("theme/i18n/en.yaml"),
        "nav_home: \"Front page\"\nnav_news:\n  - News\n",
    )
    .unwrap();
    let Err(diags) = ntm_site::build::check(&root, false, false) else {
        panic!("a list as a word must be an error");
    };
    let errors: Vec<String> = diags
        .sorted()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.display(Lang::Vi))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("theme/i18n/en.yaml:3:3: chữ của khóa 'nav_news' phải là"),
        "{errors:?}"
    );
}

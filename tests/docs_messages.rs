//! The example messages a reader meets in the documentation are the texts
//! ntm-site prints: those of README.md ("Khi có lỗi") and of the list of
//! errors and warnings of docs/content-format.md (section 13). Small content
//! folders here reproduce every example; each example's words must be printed
//! for the same file by one of them (its line and column are the doc's own).

mod common;

use common::{Fixture, SITE};
use ntm_site::diag::Lang;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap()
}

/// A message as `(file, words)`: `file:12:3: words` or `file: words`, the
/// position dropped. `None` for text that is no message.
fn split(message: &str) -> Option<(String, String)> {
    let (head, words) = message.split_once(": ")?;
    let file = head.split(':').next()?;
    // A path: with a folder or an extension; a space only inside a folder
    // (`communes/ky-anh/Kỳ Hoa.yaml`), never in prose such as `ví dụ lat`.
    let looks_like_path =
        (file.contains('/') || file.contains('.')) && (!file.contains(' ') || file.contains('/'));
    let position_ok = head[file.len()..]
        .split(':')
        .all(|p| p.is_empty() || p.bytes().all(|b| b.is_ascii_digit()));
    (looks_like_path && position_ok && !words.trim().is_empty())
        .then(|| (file.to_string(), words.trim().to_string()))
}

/// The text of `doc` from the line starting with `from` up to the next line
/// starting with `until`.
fn section<'a>(doc: &'a str, from: &str, until: &str) -> &'a str {
    let start = doc.find(from).unwrap_or_else(|| panic!("no '{from}'"));
    let rest = &doc[start..];
    let end = rest[from.len()..]
        .find(until)
        .map_or(rest.len(), |e| e + from.len());
    &rest[..end]
}

/// The messages quoted in `text`: the lines of its code blocks and its
/// inline code spans that read as `file:line:col: words`.
fn quoted_messages(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut prose = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            out.extend(split(line.trim()));
        } else {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    for (i, span) in prose.split('`').enumerate() {
        if i % 2 == 1 {
            let span = span.split_whitespace().collect::<Vec<_>>().join(" ");
            out.extend(split(&span));
        }
    }
    out
}

/// Every line of the reports of `ntm-site check` on `f`, in both languages.
fn report_lines(f: &Fixture) -> Vec<(String, String)> {
    let d = match ntm_site::build::check_site(&f.root(), true, false) {
        Ok(c) => c.diagnostics,
        Err(d) => d,
    };
    [Lang::Vi, Lang::En]
        .iter()
        .flat_map(|l| {
            d.render_in(*l)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter_map(|l| split(&l))
        .collect()
}

const SET: &str = "qd-491-2009.yaml";

fn with_set(f: Fixture) -> Fixture {
    f.file(&format!("criteria/{SET}"), &read(&format!("sets/{SET}")))
}

/// Errors of the content: the examples of "Lỗi ở mọi nơi".
fn errors() -> Fixture {
    let mut twice = String::from("communes:\n");
    for i in 2..=25 {
        twice.push_str(&format!("  # {i}\n"));
    }
    twice.push_str("  ky-anh/ky-thu: [1]\n");
    for i in 27..=39 {
        twice.push_str(&format!("  # {i}\n"));
    }
    twice.push_str("  ky-anh/ky-thu: [1]\n  ky-anh/ky-thuu: [1]\n");
    let f = with_set(Fixture::empty().file("site.yaml", SITE))
        .file("communes/ky-anh/_index.yaml", "name: Kỳ Anh\n")
        .file(
            "communes/ky-anh/ky-thu.yaml",
            "name: Kỳ Thư\npopulation: 9.120\narea_km2: 28,4\ntarget_year: hai nghìn\nrecognitions:\n  - level: standard\n    decision: 123/QĐ-UBND\n    date: 30/12/2015\nlocation: {lat: 1.807, lon: 106.3}\n",
        )
        .file(
            "communes/ky-anh/ky-hoa.yaml",
            "name: Kỳ Hoa\npopulation: 9.120\ntarget_year: 2105\n",
        )
        .file("communes/ky-anh/ky-tan.yaml", "name: Kỳ Tân\nofficers:\n  - name: Lê Văn A\n\t  role: cán bộ\n")
        .file("communes/ky-anh/ky-thuu.md", "Kỳ Thuu\n")
        .file("communes/ky-anh/Kỳ Hoa.yaml", "name: Kỳ Hoa\n")
        .file("progress/2015-08-27.yaml", &twice)
        .file("progress/2015-09-04.yaml", "communes:\n  ky-anh/ky-thu [1, 2]\n  ky-anh/ky-hoa: [1]\n")
        .file("progress/2015-09-11.yaml", "communes:\n  ky-anh/ky-thu: [1, 2\n  ky-anh/ky-hoa: [1]\n")
        .file("progress/2015-09-18.yaml", "communes:\n  Xã Kỳ Hoa: [1]\n")
        .file("progress/2015-09-25.yaml", "date: 42272\ncommunes:\n  ky-anh/ky-hoa: [1]\n")
        .file("progress/2015-08-27.yml", "communes:\n  ky-anh/ky-hoa: [1]\n")
        .file("progress/27-08-2015.yaml", "communes:\n  ky-anh/ky-hoa: [1]\n")
        .file(
            "progress/2016-10-19.yaml",
            "criteria_set: qd-491-2009\ncommunes:\n  ky-anh/ky-hoa: [1]\n",
        )
        .file("progress/~$bao-cao.xlsx", "x")
        .file("ghi-chu.txt", "ghi chú\n")
        .file("bulletins/2015-08-28.md", "---\ntitle: Bản tin\n---\nNội dung.\n")
        .file("targets/ve-dich-2015.yaml", "title: Về đích 2015\nscope: ky-anh\nmeasure: min_met\nvalue: 10\n")
        .file(
            "targets/ve-dich-2016.yaml",
            "title: Về đích 2016\nscope: ky-anh\ndeadline: 2015-02-30\nmeasure: min_met\nvalue: 10\n",
        )
        .file(
            "targets/b.yaml",
            "title: B\nscope: ky-anh\ndeadline: 2015-12-31\nmeasure: min_mett\nvalue: 10\n",
        );
    let outside = f.dir.path().join("bao-cao.pdf");
    std::fs::write(&outside, "%PDF").unwrap();
    std::fs::create_dir_all(f.root().join("static")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, f.root().join("static/bao-cao.pdf")).unwrap();
    f
}

/// Warnings of content without errors: the examples of "Cảnh báo".
fn warnings() -> Fixture {
    with_set(Fixture::empty().file("site.yaml", SITE))
        .file("communes/duc-tho/_index.yaml", "name: Đức Thọ\n")
        .file("communes/hong-linh/_index.yaml", "name: Hồng Lĩnh\n")
        .file("communes/huong-khe/_index.yaml", "name: Hương Khê\n")
        .file("communes/duc-tho/duc-nhan.yaml", "name: Đức Nhân\n")
        .file("communes/duc-tho/yen-ho.yaml", "name: Yên Hồ\n")
        .file("communes/hong-linh/thuan-loc.yaml", "name: Thuận Lộc\n")
        .file("communes/huong-khe/phuc-dong.yaml", "name: Phúc Đồng\ntarget_year: 2014\n")
        .file(
            "progress/2011-06-30.yaml",
            "communes:\n  duc-tho/duc-nhan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n  duc-tho/yen-ho: all\n  huong-khe/phuc-dong: [1, 2, 3]\n",
        )
        .file(
            "progress/2015-04-23.yaml",
            "communes:\n  duc-tho/duc-nhan: [1, 3, 4, 5, 6, 7, 8, 9, 10]\n  duc-tho/yen-ho: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19]\n",
        )
        .file(
            "targets/cu.yaml",
            "title: Cũ\nscope: duc-tho\ndeadline: 2010-12-31\nmeasure: min_met\nvalue: 10\n",
        )
        .file(
            "news/tuan-21-27-8-2015.md",
            "---\ntitle: Tuần 21-27/8/2015\ndate: 2015-04-24\n---\nXem [Kỳ Thư](/xa/ky-anh/ky-thuu/).\n",
        )
        .file("theme/templates/comune.html", "{% extends \"base.html\" %}\n")
        .file(
            "theme/i18n/vi.yaml",
            "nav_home: \"Trang đầu\"\nnav_hom: \"Trang đầu\"\n",
        )
}

/// A commune file saved under a wrong name, referred to from two snapshots.
fn misnamed() -> Fixture {
    Fixture::new()
        .file("communes/ky-anh/_index.yaml", "name: Kỳ Anh\n")
        .file("communes/ky-anh/ky-thuu.yaml", "name: Kỳ Thư\n")
        .file(
            "progress/2015-08-21.yaml",
            "communes:\n  ky-anh/ky-thu: [1]\n",
        )
        .file(
            "progress/2015-08-28.yaml",
            "communes:\n  ky-anh/ky-thu: [1, 2]\n",
        )
}

fn printed() -> Vec<(String, String)> {
    [errors(), warnings(), misnamed()]
        .iter()
        .flat_map(report_lines)
        .collect()
}

fn assert_printed(doc: &str, examples: &[(String, String)], printed: &[(String, String)]) {
    let missing: Vec<String> = examples
        .iter()
        .filter(|e| !printed.contains(e))
        .map(|(file, words)| {
            let near = printed
                .iter()
                .filter(|(f, _)| f == file)
                .map(|(_, w)| format!("    printed: {w}"))
                .collect::<Vec<_>>()
                .join("\n");
            format!("  {file}: {words}\n{near}")
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{doc} quotes messages ntm-site does not print:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_messages_the_readme_shows_are_the_ones_printed() {
    let readme = read("README.md");
    let examples = quoted_messages(section(&readme, "### Khi có lỗi", "\n## "));
    assert!(examples.len() >= 3, "{examples:?}");
    assert_printed("README.md", &examples, &printed());
}

#[test]
fn the_list_of_errors_and_warnings_quotes_the_printed_messages() {
    let doc = read("docs/content-format.md");
    let examples = quoted_messages(section(&doc, "## 13. ", "\n## 14. "));
    assert!(examples.len() >= 20, "{examples:?}");
    assert_printed("docs/content-format.md", &examples, &printed());
}

#[test]
fn examples_are_read_from_code_blocks_and_table_cells_and_prose_is_not() {
    let doc = "## 13. x\n```\nprogress/a.yaml:12:3: words one\n```\n| a | `communes/d/Kỳ Hoa.yaml: words two` |\nwrite `lat: 106.3` or `ntm-site check`\n## 14. y\n";
    let examples = quoted_messages(section(doc, "## 13. ", "\n## 14. "));
    assert_eq!(
        examples,
        vec![
            ("progress/a.yaml".to_string(), "words one".to_string()),
            (
                "communes/d/Kỳ Hoa.yaml".to_string(),
                "words two".to_string()
            ),
        ]
    );
}

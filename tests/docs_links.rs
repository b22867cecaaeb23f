//! The repository stands on its own: every relative link of README.md,
//! CONTRIBUTING.md and docs/ leads to a file of the repository (never out of
//! it, as `../shared/...` once did), and every `#anchor` to a heading of the
//! file it names.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Markdown files a reader of the repository opens.
fn documents() -> Vec<PathBuf> {
    let root = repo();
    let mut v = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    for e in walkdir::WalkDir::new(root.join("docs")) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "md") {
            v.push(e.path().to_path_buf());
        }
    }
    v.sort();
    v
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as `-`.
fn anchor(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The links (destinations) and heading anchors of a Markdown text.
fn links_and_anchors(text: &str) -> (Vec<String>, BTreeSet<String>) {
    let mut links = Vec::new();
    let mut anchors = BTreeSet::new();
    let mut heading: Option<String> = None;
    for e in Parser::new_ext(text, Options::all()) {
        match e {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Start(Tag::Heading { level, .. }) if level != HeadingLevel::H6 => {
                heading = Some(String::new())
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    anchors.insert(anchor(&h));
                }
            }
            _ => {}
        }
    }
    (links, anchors)
}

/// `path` with `.` and `..` resolved, without touching the disk.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

#[test]
fn every_relative_link_of_the_docs_resolves_inside_the_repository() {
    let root = normalise(&repo());
    let docs = documents();
    assert!(
        docs.len() >= 5,
        "README, CONTRIBUTING and the docs: {docs:?}"
    );
    let mut bad = Vec::new();
    let mut checked = 0;
    for doc in &docs {
        let text =
            std::fs::read_to_string(doc).unwrap_or_else(|e| panic!("{}: {e}", doc.display()));
        let (links, own_anchors) = links_and_anchors(&text);
        let name = doc.strip_prefix(&root).unwrap_or(doc).display().to_string();
        for link in links {
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            checked += 1;
            let (file, frag) = match link.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (link.as_str(), None),
            };
            let target = if file.is_empty() {
                doc.clone()
            } else {
                normalise(&doc.parent().unwrap().join(file))
            };
            if !target.starts_with(&root) {
                bad.push(format!("{name}: '{link}' leads outside the repository"));
                continue;
            }
            if !target.exists() {
                bad.push(format!("{name}: '{link}' leads to no file"));
                continue;
            }
            if let Some(a) = frag.filter(|a| !a.is_empty()) {
                let anchors = if file.is_empty() {
                    own_anchors.clone()
                } else if target.extension().is_some_and(|x| x == "md") {
                    links_and_anchors(&std::fs::read_to_string(&target).unwrap()).1
                } else {
                    continue;
                };
                if !anchors.contains(a) {
                    bad.push(format!("{name}: '{link}' names no heading of its file"));
                }
            }
        }
    }
    assert!(checked >= 10, "the docs link each other ({checked} links)");
    assert!(
        bad.is_empty(),
        "broken links in the docs:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_readme_tells_a_clerk_what_to_do_on_its_first_screen() {
    let text = std::fs::read_to_string(repo().join("README.md")).unwrap();
    // The first screen: about 40 lines.
    let first: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    for want in [
        "cargo run --release -- build",
        "cargo test",
        "ntm-site check",
        "docs/content-format.md",
    ] {
        assert!(
            first.contains(want),
            "the README's first screen lacks '{want}'"
        );
    }
    assert!(
        !text.contains("../shared"),
        "the README links outside the repository"
    );
}

#[test]
fn anchors_follow_github() {
    assert_eq!(
        anchor("The content folder, for the people"),
        "the-content-folder-for-the-people"
    );
    assert_eq!(
        anchor("Tuần làm việc của văn phòng"),
        "tuần-làm-việc-của-văn-phòng"
    );
}

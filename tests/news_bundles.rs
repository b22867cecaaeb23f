//! News bundles (`news/<slug>/index.md` with files beside it): only the
//! pictures the story uses are published, re-encoded without their
//! metadata, at their place in the bundle; every other file is a warning and
//! is not published (issue 18, point 2).

mod common;
mod gallery_fixtures;

use common::Fixture;
use gallery_fixtures as fx;

fn bundle() -> Fixture {
    let phone = fx::phone_jpeg(64, 48, 1);
    Fixture::new()
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\n")
        .file("progress/2015-03-06.yaml", "communes:\n  d/a: all\n")
        .file(
            "news/tin/index.md",
            "---\ntitle: Tin\ndate: 2015-03-06\ncover: photo.jpg\n---\n![Ảnh](photo.jpg)\n\n![Ảnh 2](./sub/photo.jpg)\n\n[Bảng](bang.xlsx)\n",
        )
        .bytes("news/tin/photo.jpg", &phone)
        .bytes("news/tin/sub/photo.jpg", &fx::plain_jpeg(&fx::drawn(32, 32)))
        .bytes("news/tin/unused.jpg", &phone)
        .bytes("news/tin/bang.xlsx", b"PK\x03\x04 spreadsheet")
        .file("news/tin/trang.html", "<script>alert(1)</script>")
}

#[test]
fn only_the_pictures_a_story_uses_are_published_without_metadata() {
    let f = bundle();
    let checked = f.check().unwrap();
    let report = checked.diagnostics.render();
    for (file, why) in [
        (
            "news/tin/unused.jpg",
            "is not published: the story does not use it",
        ),
        (
            "news/tin/trang.html",
            "is not published: the story does not use it",
        ),
        (
            "news/tin/bang.xlsx",
            "is not published: a story publishes only JPEG, PNG or WebP pictures",
        ),
    ] {
        assert!(
            report.contains(&format!("{file}: warning: {why}")),
            "{report}"
        );
    }
    let out = f.build().unwrap();
    let dir = out.join("tin-tuc/tin");
    let mut names: Vec<String> = walk(&dir);
    names.sort();
    assert_eq!(names, ["index.html", "photo.jpg", "sub/photo.jpg"]);
    // Both photos kept apart (no flattening), each re-encoded, no EXIF.
    let top = std::fs::read(dir.join("photo.jpg")).unwrap();
    let sub = std::fs::read(dir.join("sub/photo.jpg")).unwrap();
    assert_ne!(top, sub);
    for b in [&top, &sub] {
        assert!(
            fx::jpeg_segments(b).iter().all(|(m, _)| *m != 0xE1),
            "an APP1 segment"
        );
        assert!(!fx::contains(b, b"Exif"));
        assert!(image::load_from_memory(b).is_ok());
    }
    assert_eq!(image::load_from_memory(&top).unwrap().width(), 64);
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            for inner in walk(&p) {
                out.push(format!(
                    "{}/{inner}",
                    p.file_name().unwrap().to_string_lossy()
                ));
            }
        } else {
            out.push(p.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    out
}

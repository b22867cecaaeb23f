//! Every kind of bad input the spec names gets a clear error at its file,
//! line and column; all errors of a run are reported together. The exact text
//! a clerk reads is kept in insta snapshots.

mod common;

use common::Fixture;

fn base() -> Fixture {
    Fixture::new()
        .file("communes/ky-anh/_index.yaml", "name: Kỳ Anh\n")
        .file(
            "communes/ky-anh/ky-thu.yaml",
            "name: Kỳ Thư\ntarget_year: 2015\n",
        )
        .file("communes/ky-anh/ky-tan.yaml", "name: Kỳ Tân\n")
        .file("communes/duc-tho/_index.yaml", "name: Đức Thọ\n")
        .file("communes/duc-tho/yen-ho.yaml", "name: Yên Hồ\n")
}

#[test]
fn commune_fields() {
    let f = base().file(
        "communes/ky-anh/ky-hoa.yaml",
        "name: Kỳ Hoa\npopulaton: 9120\npopulation: 9.120\narea_km2: 28,4\ntarget_year: hai nghìn\nofficers:\n  - role: cán bộ phụ trách\n  - name: Lê Văn B\n    from: 2016-05-01\n    until: 2016-02-30\n  - name: Trần C\n    from: 2016-05-01\n    until: 2016-04-01\nrecognitions:\n  - level: standrd\n    date: 30/12/2013\nlocation: {lat: 105.9, lon: 18.3}\nfavourite_colour: xanh\n",
    );
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("commune_fields_vi", f.messages_vi());
}

#[test]
fn snapshot_entries() {
    let f = base().file(
        "progress/2015-08-27.yaml",
        "date: 2015-08-28\nperiod: 2015-08-21..2015-08-26\ncommunes:\n  ky-anh/ky-thu: [1, 2, 2, 20]\n  ky-anh/ky-tan:\n  ky-anh/ky-thuu: all\n  ky-thu: []\n  duc-tho/yen-ho: {production_models: 3}\n  duc-tho/yen-ho: [1]\n",
    );
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("snapshot_entries_vi", f.messages_vi());
}

#[test]
fn unknown_commune_id_is_reported_on_its_own_line() {
    let mut text = String::from("communes:\n");
    for _ in 0..10 {
        text.push_str("  ky-anh/ky-tan: [1]\n");
    }
    // Line 12 holds the typo (the ten lines above are duplicates, also errors).
    text.push_str("  ky-anh/ky-thuu: [1]\n");
    let f = base().file("progress/2015-08-27.yaml", &text);
    let msg = f.messages();
    assert!(
        msg.contains("progress/2015-08-27.yaml:12:3: unknown commune id 'ky-anh/ky-thuu'; did you mean 'ky-anh/ky-thu'?"),
        "{msg}"
    );
}

#[test]
fn criteria_sets() {
    let f = Fixture::empty()
        .file("site.yaml", common::SITE)
        .file(
            "criteria/a.yaml",
            "name: A\nvalid_from: 2015-01-01\nvalid_until: 2014-12-31\ncriteria:\n  - {number: 1, name: X}\n  - {number: 3, name: Y}\n",
        )
        .file("criteria/b.yaml", "name: B\nvalid_from: 2015-01-01\ncriteria: []\n")
        .file(
            "criteria/c.yaml",
            "name: C\nvalid_from: 2015-01-01\ncriteria:\n  - {number: 1, name: X}\n  - {number: 1, name: Y}\n",
        );
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("criteria_sets_vi", f.messages_vi());
}

#[test]
fn set_in_force() {
    let f = base()
        .file(
            "criteria/extra.yaml",
            "name: Bộ nâng cao\nvalid_from: 2015-06-01\ncriteria:\n  - {number: 1, name: X}\n",
        )
        .file("progress/2014-06-06.yaml", "communes: {}\n")
        .file("progress/2015-08-28.yaml", "communes: {}\n")
        .file(
            "progress/2015-09-04.yaml",
            "criteria_set: olld\ncommunes: {}\n",
        )
        .file(
            "progress/2016-09-02.yaml",
            "criteria_set: old\ncommunes: {}\n",
        );
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("set_in_force_vi", f.messages_vi());
}

#[test]
fn files_and_folders() {
    let f = base()
        .file("progress/2015-08-27.yml", "communes: {}\n")
        .file("progress/bao-cao.xlsx", "PK")
        .file("progress/27-08-2015.yaml", "communes: {}\n")
        .file("progress/~$bao-cao.xlsx", "lock")
        .file("progress/.DS_Store", "x")
        .file("communes/ky-anh/Kỳ Hoa.yaml", "name: Kỳ Hoa\n")
        .file("communes/huong-son/son-kim.yaml", "name: Sơn Kim\n")
        .file("communes/ky-anh/ky-lac.md", "Câu chuyện xã Kỳ Lạc.\n")
        .file("bulletins/2015-08-28.md", "Bản tin.\n")
        .file("criteria/notes.txt", "x");
    let f = f.remove("site.yaml");
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("files_and_folders_vi", f.messages_vi());
}

#[cfg(unix)]
#[test]
fn links_leading_outside_the_content_folder() {
    let f = base();
    let secret = f.dir.path().join("secret.yaml");
    std::fs::write(&secret, "name: Bí mật\n").unwrap();
    std::os::unix::fs::symlink(&secret, f.root().join("communes/ky-anh/bi-mat.yaml")).unwrap();
    let msg = f.messages();
    assert!(
        msg.contains("communes/ky-anh/bi-mat.yaml: is a link leading outside the content folder"),
        "{msg}"
    );
    assert!(!msg.contains("Bí mật"));
}

#[test]
fn targets() {
    let f = base()
        .file("progress/2015-08-27.yaml", "communes:\n  ky-anh/ky-thu: [1]\n")
        .file("targets/a.yaml", "title: A\ndeadline: 2015-12-31\nscope: ky-anh-x\nmeasure: min_met\nvalue: 3\n")
        .file("targets/b.yaml", "title: B\ndeadline: 2015-12-31\nmeasure: min_mett\nvalue: 3\n")
        .file("targets/c.yaml", "title: C\ndeadline: 2015-12-31\nmeasure: standard_count\n")
        .file("targets/d.yaml", "title: D\ndeadline: 2015-12-31\nmeasure: min_met\nvalue: -2\n")
        .file("targets/e.yaml", "title: E\ndeadline: 2015-12-31\nmeasure: target_year_done\nvalue: 26\n")
        .file("targets/f.yaml", "title: F\ndeadline: 2015-12-31\nscope: ky-anh\nmeasure: standard_per_group\nvalue: 1\n")
        .file("targets/g.yaml", "title: G\ndeadline: 2014-12-31\nmeasure: min_met\nvalue: 1\n")
        .file("targets/h.yaml", "deadline: 2015-13-01\nmeasure: min_met\nvalue: 2,5\n");
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("targets_vi", f.messages_vi());
}

#[test]
fn documents() {
    let f = base()
        .file("progress/2015-08-27.yaml", "communes:\n  ky-anh/ky-thu: [1]\n")
        .file(
            "models/tan-thanh/index.md",
            "---\ntitle: Khu dân cư kiểu mẫu thôn Tân Thành\nkind: residental\ncommune: ky-anh/ky-taan\nstatus: recognized\nphotos:\n  - file: ../../site.yaml\n    caption: Ảnh\n  - file: 02.jpg\n  - file: /etc/passwd\n    caption: x\n---\nNội dung.\n",
        )
        .file("models/tan-thanh/01.jpg", "not really a jpeg")
        .file("news/tin-moi.md", "---\ntitle: Tin mới\nauthor: PV\ndraft: yes\n---\nNội dung.\n")
        .file("news/khong-front-matter.md", "Chỉ có nội dung.\n")
        .file("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\nlayout: wide\n---\n");
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("documents_vi", f.messages_vi());
}

#[test]
fn yaml_syntax_and_site() {
    let f = base()
        .file(
            "site.yaml",
            "title: Tỉnh\nbase_url: ntm.example.org\nlanguage: fr\n",
        )
        .file("communes/duc-tho/tung-anh.yaml", "name: [Tùng Ảnh\n")
        .file(
            "communes/duc-tho/thai-yen.yaml",
            "name: Thái Yên\nname: Thái Yên 2\n",
        );
    insta::assert_snapshot!(f.messages());
    insta::assert_snapshot!("yaml_syntax_and_site_vi", f.messages_vi());
}

#[test]
fn a_run_with_errors_writes_nothing_and_keeps_the_previous_output() {
    let f = base().file(
        "progress/2015-08-27.yaml",
        "communes:\n  ky-anh/ky-thu: [1]\n",
    );
    let out = f.build().expect("first build");
    let before = std::fs::read(out.join("data/communes.csv")).unwrap();
    let f = f.file(
        "progress/2015-09-04.yaml",
        "communes:\n  ky-anh/ky-thuu: [1, 2]\n",
    );
    match f.build() {
        Err(ntm_site::build::BuildError::Content(d)) => assert_eq!(d.error_count(), 1),
        other => panic!("expected a content error, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(out.join("data/communes.csv")).unwrap(),
        before
    );
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        // The build cache (the charts' PNGs of the first build) stays, by
        // design; a staging folder must not.
        .filter(|n| n.starts_with('.') && n != ".ntm-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder left behind: {leftovers:?}"
    );
}

#[test]
fn the_output_folder_is_never_the_content_folder_or_a_stranger() {
    let f = base();
    let content = f.root();
    let err = f.build_into(&content).unwrap_err().to_string();
    assert!(err.contains("must not contain the content folder"), "{err}");
    let stranger = f.dir.path().join("mine");
    std::fs::create_dir_all(&stranger).unwrap();
    std::fs::write(stranger.join("thesis.docx"), "precious").unwrap();
    let err = f.build_into(&stranger).unwrap_err().to_string();
    assert!(err.contains("not written by ntm-site"), "{err}");
    assert_eq!(
        std::fs::read_to_string(stranger.join("thesis.docx")).unwrap(),
        "precious"
    );
}

#[test]
fn columns_count_characters_as_stored_in_decomposed_files() {
    // "Hồ" decomposed: H, o, U+0302, U+0300 — four characters as stored.
    let line3 = "officers: [{name: Ho\u{302}\u{300}, until: 2015-02-30}]";
    let text =
        format!("\u{feff}name: Ye\u{302}n Ho\u{302}\u{300}\r\npopulation: 10\r\n{line3}\r\n");
    let col = line3.chars().position(|c| c == '2').unwrap() + 1;
    let f = base().file("communes/duc-tho/yen-ho.yaml", &text);
    let msg = f.messages();
    assert!(
        msg.contains(&format!(
            "communes/duc-tho/yen-ho.yaml:3:{col}: until '2015-02-30' is not a day"
        )),
        "expected column {col}: {msg}"
    );
}

#[test]
fn a_theme_that_cannot_render_writes_nothing() {
    let f = base().file(
        "progress/2015-08-27.yaml",
        "communes:\n  ky-anh/ky-thu: [1]\n",
    );
    let out = f.build().expect("first build");
    let before = std::fs::read(out.join("data/communes.csv")).unwrap();
    let f = f.file(
        "theme/templates/home.html",
        "{% extends \"base.html\" %}{% block main %}{{ oops(\n",
    );
    let ntm_site::build::BuildError::Content(d) = f.build().unwrap_err() else {
        panic!("a theme error is an error of the content folder's theme");
    };
    let err = d.render();
    assert!(
        err.contains("theme/templates/home.html:"),
        "the error names the override: {err}"
    );
    assert!(err.contains("the theme cannot be rendered"), "{err}");
    assert_eq!(
        std::fs::read(out.join("data/communes.csv")).unwrap(),
        before
    );
}

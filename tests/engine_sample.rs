//! The sample province in `content/` checks without error and gives the
//! figures of the seeds (the press reports the project grew from).

mod common;

use common::read_csv;
use std::path::Path;

/// The sample built once for all tests of this file, into
/// `target/tmp/engine_sample` (a `static` is never dropped, so a temporary
/// folder would be left in /tmp by every run; this one is emptied first).
fn build_sample() -> std::path::PathBuf {
    static BUILT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let out = BUILT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("engine_sample");
        let _ = std::fs::remove_dir_all(&dir);
        let opts = ntm_site::build::BuildOptions {
            content: Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
            output: dir.join("out"),
            base_url: None,
            drafts: false,
            deny_warnings: false,
            pdf: None,
        };
        // No chart PNGs: 1,700 of them take minutes in a debug build, and
        // these tests read the figures.
        let mut images = ntm_site::imageproc::Options::beside(&opts.output);
        images.chart_pngs = false;
        if let Err(e) = ntm_site::build::build_with(&opts, &images) {
            match e {
                ntm_site::build::BuildError::Content(d) => panic!("{}", d.render()),
                e => panic!("{e}"),
            }
        }
        dir.join("out")
    });
    out.clone()
}

#[test]
fn the_week_of_21_to_27_august_2015_reads_as_the_seed_tells_it() {
    let out = build_sample();
    let s: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/summary.json")).unwrap()).unwrap();
    let week = s
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2015-08-27")
        .expect("a snapshot on 27/8/2015");
    let t = &week["target"];
    // "tuần từ 21-27.8.2015, có 10 xã tăng được 21 tiêu chí ... còn 16 xã ... không có tiêu chí đạt chuẩn tăng thêm"
    assert_eq!(t["known"], 26);
    assert_eq!(t["reporting"], 26);
    assert_eq!(t["communes_gained"], 10);
    assert_eq!(t["criteria_gained"], 21);
    assert_eq!(t["no_gain"], 16);
    assert_eq!(t["communes_lost"], 0);
    // "xã Kỳ Thư huyện Kỳ Anh tăng được 4 tiêu chí gồm bưu điện, trường học, an ninh trật tự và tổ chức sản xuất"
    let changes = read_csv(&out.join("data/changes.csv"));
    let ky_thu = changes
        .iter()
        .find(|r| r[0] == "2015-08-27" && r[1] == "ky-anh/ky-thu")
        .unwrap();
    assert_eq!(ky_thu[2], "5;8;13;19");
    let criteria = read_csv(&out.join("data/criteria.csv"));
    let name = |k: &str| {
        criteria
            .iter()
            .find(|r| r[0] == "qd-491-2009" && r[1] == k)
            .unwrap()[2]
            .clone()
    };
    assert_eq!(
        [name("5"), name("8"), name("13"), name("19")],
        [
            "Trường học",
            "Bưu điện",
            "Hình thức tổ chức sản xuất",
            "An ninh, trật tự xã hội"
        ]
    );
}

#[test]
fn the_2014_review_reads_as_the_seed_tells_it() {
    let out = build_sample();
    // "Năm 2014, bình quân các xã đều tăng 2,7 tiêu chí đạt chuẩn, nâng số xã đạt chuẩn lên 26 xã, không còn xã dưới 5 tiêu chí."
    let years = read_csv(&out.join("data/years.csv"));
    let y2014 = years.iter().find(|r| r[0] == "2014").unwrap();
    assert_eq!(y2014[3], "26", "meets_standard");
    assert_eq!(y2014[6], "2.70", "average_gain");
    assert!(y2014[7].parse::<u32>().unwrap() >= 5, "min_met");
}

#[test]
fn the_seed_notice_targets_and_the_sample_facts() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let checked =
        ntm_site::build::check(&content, false, false).unwrap_or_else(|d| panic!("{}", d.render()));
    let (c, r) = (&checked.content, &checked.report);
    assert!(c.groups.iter().filter(|g| g.parent.is_none()).count() >= 10);
    assert!(c.communes.len() >= 150);
    // The four national sets in force from 2011 to 2026.
    let mut sets: Vec<&str> = c.sets.iter().map(|s| s.id.as_str()).collect();
    sets.sort_unstable();
    assert_eq!(
        sets,
        ["qd-1980-2016", "qd-318-2022", "qd-491-2009", "qd-51-2025"]
    );
    let measures: Vec<&str> = c.targets.iter().map(|t| t.measure.as_str()).collect();
    for m in ["standard_per_group", "min_met", "target_year_done"] {
        assert!(measures.contains(&m), "the seed notice's {m} target");
    }
    // Kỳ Tân: 6 criteria in 2011, the standard in 2013; Yên Hồ: 6 in 2012, the standard in 2014.
    let tl = &r.sweep.timeline;
    let ky_tan = c.commune_by_id("ky-anh/ky-tan").unwrap();
    let yen_ho = c.commune_by_id("duc-tho/yen-ho").unwrap();
    let first = |x: usize, year: i32| {
        tl.states[x]
            .iter()
            .find(|s| s.date.year() == year)
            .map(|s| s.count())
    };
    assert_eq!(first(ky_tan, 2011), Some(6));
    assert_eq!(first(yen_ho, 2012), Some(6));
    let reached = |x: usize| {
        tl.states[x]
            .iter()
            .find(|s| s.count() as usize == c.sets[s.set].len())
            .map(|s| s.date.year())
    };
    assert_eq!(reached(ky_tan), Some(2013));
    assert_eq!(reached(yen_ho), Some(2014));
    // 13 of the 20 communes with seconded officers meet the standard at the end of 2017 (seed 003);
    // on the latest date all 20 are former communes, merged on 1/7/2025, counted neither way.
    let sec = ntm_site::report::people::seconded(c, tl, ntm_site::date::Date::new(2017, 12, 28));
    assert_eq!(
        (sec.meeting.len(), sec.communes.len(), sec.former.len()),
        (13, 20, 0)
    );
    let sec = ntm_site::report::people::seconded(c, tl, r.latest_date());
    assert_eq!(
        (sec.meeting.len(), sec.communes.len(), sec.former.len()),
        (0, 20, 20)
    );
    // 5.556 production models, 3.036 of high efficiency at the end of 2014.
    let end_2014 = ntm_site::report::groups::on(c, tl, ntm_site::date::Date::new(2014, 12, 31));
    assert_eq!(end_2014.province.indicators[0], 5556);
    assert_eq!(end_2014.province.indicators[1], 3036);
}

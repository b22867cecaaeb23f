//! Report figures beyond the data files: the weekly bulletin's lists, and
//! sponsors and seconded officers, on the worked example and small fixtures.

mod common;

use common::Fixture;
use ntm_site::report::{bulletin, people};

fn example() -> ntm_site::build::Checked {
    let ex = common::example_dir();
    ntm_site::build::check(&ex.join("content"), false, false).expect("example checks")
}

fn ids(c: &ntm_site::model::Content, v: &[usize]) -> Vec<String> {
    v.iter().map(|&i| c.communes[i].id.clone()).collect()
}

#[test]
fn bulletin_of_the_week_21_to_27_august_2015() {
    let ch = example();
    let (c, r) = (&ch.content, &ch.report);
    let si = c
        .snapshots
        .iter()
        .position(|s| s.date.to_string() == "2015-08-27")
        .unwrap();
    let b = bulletin::bulletin(c, &r.sweep, si);
    // Changed communes, by district (Đức Thọ before Kỳ Anh) then name.
    let changed: Vec<String> = b
        .changed
        .iter()
        .map(|&i| c.communes[r.sweep.changes[i].commune].id.clone())
        .collect();
    assert_eq!(changed, ["duc-tho/yen-ho", "ky-anh/ky-thu"]);
    let ky_thu = b
        .changed
        .iter()
        .map(|&i| &r.sweep.changes[i])
        .find(|x| c.communes[x.commune].id == "ky-anh/ky-thu")
        .unwrap();
    assert_eq!(ky_thu.gained().numbers(), [5, 8, 13, 19]);
    assert_eq!(ids(c, &b.baseline), ["duc-tho/duc-lam"]);
    assert_eq!(b.lost.len(), 1);
    // Target communes of 2015: Kỳ Thư misses 18; Yên Hồ misses 17 and 19; Thái Yên never reported.
    let t: Vec<(String, Vec<usize>, bool)> = b
        .targets
        .iter()
        .map(|t| {
            (
                c.communes[t.commune].id.clone(),
                t.missing.numbers(),
                t.reported,
            )
        })
        .collect();
    assert_eq!(t[0], ("ky-anh/ky-thu".to_string(), vec![18], true));
    assert_eq!(t[1], ("duc-tho/yen-ho".to_string(), vec![17, 19], true));
    assert_eq!(t[2].0, "duc-tho/thai-yen");
    assert!(!t[2].2);
    assert_eq!(ids(c, &b.targets_not_reported), ["duc-tho/thai-yen"]);
    // Headline figures are the summary's.
    assert_eq!(b.target.movement.communes_gained, 2);
    assert_eq!(b.all.movement.criteria_gained, 5);
    // Per top-level group: Can Lộc, Đức Thọ, Kỳ Anh.
    let names: Vec<&str> = b
        .districts
        .iter()
        .map(|d| c.groups[d.group].name.as_str())
        .collect();
    assert_eq!(names, ["Can Lộc", "Đức Thọ", "Kỳ Anh"]);
    let kyanh = &b.districts[2];
    assert_eq!((kyanh.levels.known, kyanh.movement.criteria_gained), (3, 4));
    // Open targets on that date: every one with a deadline on or after it.
    assert_eq!(b.open_targets.len(), 6);
    assert_eq!(b.previous, Some(si - 1));
}

#[test]
fn reaching_the_standard_and_stalled_target_communes() {
    let ch = example();
    let (c, r) = (&ch.content, &ch.report);
    let si = c
        .snapshots
        .iter()
        .position(|s| s.date.to_string() == "2015-12-25")
        .unwrap();
    let b = bulletin::bulletin(c, &r.sweep, si);
    assert_eq!(ids(c, &b.reached_standard), ["ky-anh/ky-thu"]);
    // Yên Hồ has not changed since 27/8/2015: 17 weeks.
    let yen_ho = b
        .targets
        .iter()
        .find(|t| c.communes[t.commune].id == "duc-tho/yen-ho")
        .unwrap();
    assert_eq!(yen_ho.unchanged_since.unwrap().to_string(), "2015-08-27");
    assert_eq!(yen_ho.weeks_unchanged, 17);
    assert!(yen_ho.stalled());
    let ky_thu = b
        .targets
        .iter()
        .find(|t| c.communes[t.commune].id == "ky-anh/ky-thu")
        .unwrap();
    assert!(!ky_thu.stalled(), "nothing left: never flagged");
}

#[test]
fn sponsors_and_seconded_officers() {
    let f = Fixture::new()
        .file("communes/a.yaml", "name: A\nsponsors: [Sở Công Thương, Sở Y tế]\nofficers:\n  - {name: Lê A, role: cán bộ biệt phái}\n")
        .file("communes/b.yaml", "name: B\nsponsors: [sở công thương]\nofficers:\n  - {name: Lê B, role: Cán bộ Biệt Phái}\n")
        .file("communes/c.yaml", "name: C\nsponsors: [Ban Dân vận Tỉnh ủy]\nofficers:\n  - {name: Lê C, role: cán bộ phụ trách}\n")
        .file("progress/2015-03-06.yaml", "communes:\n  a: all\n  b: [1]\n  c: all\n");
    let ch = f.check().unwrap();
    let (c, r) = (&ch.content, &ch.report);
    let s = people::sponsors(c, &r.sweep.timeline, r.latest_date());
    let rows: Vec<(&str, usize, usize)> = s
        .iter()
        .map(|s| (s.name.as_str(), s.communes.len(), s.meeting.len()))
        .collect();
    // Vietnamese order; "sở công thương" is the same agency as "Sở Công Thương".
    assert_eq!(
        rows,
        [
            ("Ban Dân vận Tỉnh ủy", 1, 1),
            ("Sở Công Thương", 2, 1),
            ("Sở Y tế", 1, 1)
        ]
    );
    assert_eq!(s[1].slug, "so-cong-thuong");
    let sec = people::seconded(c, &r.sweep.timeline, r.latest_date());
    assert_eq!((sec.communes.len(), sec.meeting.len()), (2, 1));
}

#[test]
fn year_review_per_district() {
    let ch = example();
    let (c, r) = (&ch.content, &ch.report);
    let rows = ntm_site::report::years::by_district(c, &r.sweep.timeline, 2016);
    let got: Vec<(&str, u32, u32)> = rows
        .iter()
        .map(|(g, y)| (c.groups[*g].name.as_str(), y.known, y.compared))
        .collect();
    // Sơn Kim sits in no district: the districts hold 7 of the 8 known communes
    // and 4 of the 5 compared.
    assert_eq!(
        got,
        [("Can Lộc", 1, 1), ("Đức Thọ", 3, 2), ("Kỳ Anh", 3, 1)]
    );
    let province = r.years.iter().find(|y| y.year == 2016).unwrap();
    assert_eq!(province.compared, 5);
}

/// A bulletin reports the province's targets due within five years of its
/// date (a programme period), not those of a later period: the bulletin of
/// 2015 lists the 2020 target, not the 2027 one; the bulletin of 2023 lists
/// the 2027 target, and the 2020 one no more (its deadline has passed).
#[test]
fn a_bulletin_lists_the_targets_of_its_programme_period() {
    let f = Fixture::new()
        .file("communes/d/_index.yaml", "name: Huyện D\n")
        .file("communes/d/a.yaml", "name: Xã A\n")
        .file("progress/2015-03-06.yaml", "communes:\n  d/a: [1]\n")
        .file("progress/2023-03-03.yaml", "communes:\n  d/a: [1, 2]\n")
        .file(
            "targets/nam-2020.yaml",
            "title: Đến năm 2020 có 1 xã đạt chuẩn\ndeadline: 2020-12-31\nmeasure: standard_count\nvalue: 1\n",
        )
        .file(
            "targets/nam-2027.yaml",
            "title: Đến năm 2027 có 1 xã đạt chuẩn\ndeadline: 2027-12-31\nmeasure: standard_count\nvalue: 1\n",
        );
    let ch = f.check().expect("checks");
    let (c, r) = (&ch.content, &ch.report);
    let open = |si: usize| -> Vec<String> {
        bulletin::bulletin(c, &r.sweep, si)
            .open_targets
            .iter()
            .map(|o| c.targets[o.target].id.clone())
            .collect()
    };
    assert_eq!(open(0), ["nam-2020"]);
    assert_eq!(open(1), ["nam-2027"]);
}

//! Sentences generated from the figures, in correct, natural Vietnamese (and
//! English): the weekly bulletin's headlines, the year review's summary, the
//! status of a target on a date, and the press figures on sponsors and
//! seconded officers. Zero and singular cases read naturally ("không có xã
//! nào giảm tiêu chí"). Pure functions of plain figures, so each is tested.

use super::format::{Lang, date, dec1, int};
use crate::date::Date;
use crate::model::Measure;
use crate::report::decimal::Dec2;
use crate::report::timeline::ScopeSummary;

fn n(lang: Lang, v: impl Into<i64>) -> String {
    int(lang, v.into())
}

/// "10 xã tăng 21 tiêu chí" / "không có xã nào tăng tiêu chí".
pub fn gains(lang: Lang, communes: u32, criteria: u32) -> String {
    match (lang, communes) {
        (Lang::Vi, 0) => "không có xã nào tăng tiêu chí".into(),
        (Lang::Vi, c) => format!("{} xã tăng {} tiêu chí", n(lang, c), n(lang, criteria)),
        (Lang::En, 0) => "no commune gained a criterion".into(),
        (Lang::En, 1) => format!(
            "1 commune gained {}",
            plural_en(criteria, "criterion", "criteria")
        ),
        (Lang::En, c) => format!(
            "{c} communes gained {}",
            plural_en(criteria, "criterion", "criteria")
        ),
    }
}

/// "2 xã giảm 3 tiêu chí" / "không có xã nào giảm tiêu chí".
pub fn losses(lang: Lang, communes: u32, criteria: u32) -> String {
    match (lang, communes) {
        (Lang::Vi, 0) => "không có xã nào giảm tiêu chí".into(),
        (Lang::Vi, c) => format!("{} xã giảm {} tiêu chí", n(lang, c), n(lang, criteria)),
        (Lang::En, 0) => "no commune lost a criterion".into(),
        (Lang::En, 1) => format!(
            "1 commune lost {}",
            plural_en(criteria, "criterion", "criteria")
        ),
        (Lang::En, c) => format!(
            "{c} communes lost {}",
            plural_en(criteria, "criterion", "criteria")
        ),
    }
}

fn plural_en(k: u32, one: &str, many: &str) -> String {
    if k == 1 {
        format!("1 {one}")
    } else {
        format!("{k} {many}")
    }
}

/// Capitalises the first letter of a sentence.
pub fn sentence(s: &str) -> String {
    let mut out = super::format::capitalise(s);
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// The headline sentences of a bulletin for one scope: who reported, gains,
/// losses, communes that gained nothing, and those that reached the standard.
pub fn bulletin_headlines(
    lang: Lang,
    period: Option<(Date, Date)>,
    on: Date,
    s: &ScopeSummary,
    reached_standard: usize,
) -> Vec<String> {
    let m = &s.movement;
    let when = match (lang, period) {
        (Lang::Vi, Some((a, b))) => format!("Trong tuần {}/{}", week_span(a, b), b.year()),
        (Lang::Vi, None) => format!("Ngày {}", date(lang, on)),
        (Lang::En, Some((a, b))) => format!("In the week {} to {}", date(lang, a), date(lang, b)),
        (Lang::En, None) => format!("On {}", date(lang, on)),
    };
    let mut out = Vec::new();
    let reported = match (lang, m.reporting) {
        (Lang::Vi, 0) => format!("{when}, không có xã nào báo cáo"),
        (Lang::Vi, r) => format!(
            "{when}, {} xã báo cáo; {}",
            n(lang, r),
            gains(lang, m.communes_gained, m.criteria_gained)
        ),
        (Lang::En, 0) => format!("{when}, no commune reported"),
        (Lang::En, r) => format!(
            "{when}, {} reported; {}",
            plural_en(r, "commune", "communes"),
            gains(lang, m.communes_gained, m.criteria_gained)
        ),
    };
    out.push(sentence(&reported));
    let no_gain = s.no_gain();
    let rest = match lang {
        Lang::Vi if no_gain > 0 && s.levels.known > 0 => format!(
            "{} xã không tăng tiêu chí nào; {}",
            n(lang, no_gain),
            losses(lang, m.communes_lost, m.criteria_lost)
        ),
        Lang::En if no_gain > 0 && s.levels.known > 0 => format!(
            "{} gained none; {}",
            plural_en(no_gain, "commune", "communes"),
            losses(lang, m.communes_lost, m.criteria_lost)
        ),
        _ => losses(lang, m.communes_lost, m.criteria_lost),
    };
    out.push(sentence(&rest));
    let std_line = match (lang, reached_standard) {
        (Lang::Vi, 0) => "không có xã nào mới đạt chuẩn nông thôn mới".to_string(),
        (Lang::Vi, k) => format!("{} xã mới đạt đủ tiêu chí nông thôn mới", n(lang, k as i64)),
        (Lang::En, 0) => "no commune newly met the standard".to_string(),
        (Lang::En, k) => format!(
            "{} newly met the standard",
            plural_en(k as u32, "commune", "communes")
        ),
    };
    out.push(sentence(&std_line));
    out
}

/// `21–27/8` (same month) or `28/8–3/9` (months differ), without the year.
pub fn week_span(a: Date, b: Date) -> String {
    if a.month() == b.month() && a.year() == b.year() {
        format!("{}–{}/{}", a.day(), b.day(), b.month())
    } else {
        format!("{}/{}–{}/{}", a.day(), a.month(), b.day(), b.month())
    }
}

/// The target communes still short, and by how much in all:
/// "còn 16 xã chưa đạt chuẩn, thiếu tổng cộng 41 tiêu chí".
pub fn still_short(lang: Lang, communes: usize, missing: u64, year: i32) -> String {
    match (lang, communes) {
        (Lang::Vi, 0) => format!("Tất cả các xã đăng ký về đích năm {year} đã đạt đủ tiêu chí."),
        (Lang::Vi, c) => format!(
            "Còn {} xã đăng ký về đích năm {year} chưa đạt chuẩn, thiếu tổng cộng {} tiêu chí.",
            n(lang, c as i64),
            n(lang, missing as i64)
        ),
        (Lang::En, 0) => format!("Every commune registered for {year} meets all criteria."),
        (Lang::En, c) => format!(
            "{} registered for {year} still short of the standard, missing {} in all.",
            capital_en(&plural_en(c as u32, "commune", "communes")),
            plural_en(missing as u32, "criterion", "criteria")
        ),
    }
}

fn capital_en(s: &str) -> String {
    super::format::capitalise(s)
}

/// The year review's summary: "Năm 2014, bình quân các xã tăng 2,7 tiêu chí,
/// 26 xã đạt chuẩn, không còn xã dưới 5 tiêu chí."
pub fn year_summary(
    lang: Lang,
    year: i32,
    average_gain: Option<Dec2>,
    meets_standard: u32,
    newly: usize,
    min_met: Option<u32>,
    at_min: usize,
) -> String {
    let mut parts = Vec::new();
    match (lang, average_gain) {
        (Lang::Vi, Some(g)) if g.0 > 0 => {
            parts.push(format!("bình quân các xã tăng {} tiêu chí", dec1(lang, g)))
        }
        (Lang::Vi, Some(g)) if g.0 < 0 => parts.push(format!(
            "bình quân các xã giảm {} tiêu chí",
            dec1(lang, Dec2(-g.0))
        )),
        (Lang::Vi, Some(_)) => parts.push("bình quân số tiêu chí các xã đạt không đổi".into()),
        (Lang::En, Some(g)) if g.0 >= 0 => parts.push(format!(
            "communes gained {} criteria on average",
            dec1(lang, g)
        )),
        (Lang::En, Some(g)) => parts.push(format!(
            "communes lost {} criteria on average",
            dec1(lang, Dec2(-g.0))
        )),
        (_, None) => {}
    }
    match lang {
        Lang::Vi => {
            let mut s = format!("{} xã đạt chuẩn", n(lang, meets_standard));
            if newly > 0 {
                s.push_str(&format!(
                    " ({} xã mới đạt trong năm)",
                    n(lang, newly as i64)
                ));
            }
            parts.push(s);
        }
        Lang::En => {
            let mut s = format!(
                "{} met the standard",
                plural_en(meets_standard, "commune", "communes")
            );
            if newly > 0 {
                s.push_str(&format!(" ({newly} newly)"));
            }
            parts.push(s);
        }
    }
    match (lang, min_met) {
        (Lang::Vi, Some(0)) => parts.push(format!(
            "còn {} xã chưa đạt tiêu chí nào",
            n(lang, at_min as i64)
        )),
        (Lang::Vi, Some(k)) => parts.push(format!("không còn xã dưới {} tiêu chí", n(lang, k))),
        (Lang::En, Some(0)) => parts.push(format!(
            "{} still met no criterion",
            plural_en(at_min as u32, "commune", "communes")
        )),
        (Lang::En, Some(k)) => parts.push(format!("no commune met fewer than {k} criteria")),
        (_, None) => {}
    }
    let lead = match lang {
        Lang::Vi => format!("Năm {year}, "),
        Lang::En => format!("In {year}, "),
    };
    sentence(&format!("{lead}{}", parts.join(", ")))
}

/// Where a target stands on a date, in one clause:
/// "còn 3 xã dưới 7 tiêu chí, hạn 30/6/2015".
pub fn target_status(
    lang: Lang,
    measure: Measure,
    value: Option<u64>,
    shortfall: u64,
    deadline: Date,
    deadline_year: i32,
) -> String {
    let k = value.unwrap_or(0);
    let s = shortfall;
    let due = match lang {
        Lang::Vi => format!("hạn {}", date(lang, deadline)),
        Lang::En => format!("due {}", date(lang, deadline)),
    };
    let what = match (lang, measure, s) {
        (Lang::Vi, Measure::MinMet, 0) => format!("không còn xã nào dưới {k} tiêu chí"),
        (Lang::Vi, Measure::MinMet, s) => format!("còn {} xã dưới {k} tiêu chí", n(lang, s as i64)),
        (Lang::Vi, Measure::StandardPerGroup, 0) => {
            format!("mọi huyện đã có ít nhất {k} xã đạt chuẩn")
        }
        (Lang::Vi, Measure::StandardPerGroup, s) => {
            format!(
                "còn {} huyện chưa có đủ {k} xã đạt chuẩn",
                n(lang, s as i64)
            )
        }
        (Lang::Vi, Measure::StandardCount, 0) => {
            format!("đã có ít nhất {} xã đạt chuẩn", n(lang, k as i64))
        }
        (Lang::Vi, Measure::StandardCount, s) => format!(
            "còn thiếu {} xã đạt chuẩn so với mục tiêu {} xã",
            n(lang, s as i64),
            n(lang, k as i64)
        ),
        (Lang::Vi, Measure::TargetYearDone, 0) => {
            format!("các xã đăng ký năm {deadline_year} đều đã đạt chuẩn")
        }
        (Lang::Vi, Measure::TargetYearDone, s) => {
            format!(
                "còn {} xã đăng ký năm {deadline_year} chưa đạt chuẩn",
                n(lang, s as i64)
            )
        }
        (Lang::En, Measure::MinMet, 0) => format!("no commune below {k} criteria"),
        (Lang::En, Measure::MinMet, s) => format!(
            "{} below {k} criteria",
            plural_en(s as u32, "commune", "communes")
        ),
        (Lang::En, Measure::StandardPerGroup, 0) => {
            format!("every district has {k} or more communes at the standard")
        }
        (Lang::En, Measure::StandardPerGroup, s) => {
            format!(
                "{} with fewer than {k} communes at the standard",
                plural_en(s as u32, "district", "districts")
            )
        }
        (Lang::En, Measure::StandardCount, 0) => format!("{k} or more communes at the standard"),
        (Lang::En, Measure::StandardCount, s) => {
            format!("{s} short of {k} communes at the standard")
        }
        (Lang::En, Measure::TargetYearDone, 0) => {
            format!("every commune registered for {deadline_year} meets the standard")
        }
        (Lang::En, Measure::TargetYearDone, s) => format!(
            "{} registered for {deadline_year} not yet at the standard",
            plural_en(s as u32, "commune", "communes")
        ),
    };
    format!("{what}, {due}")
}

/// The press figure: "13/20 xã có cán bộ biệt phái đã đạt chuẩn nông thôn mới
/// (số liệu ngày 28/12/2017)".
pub fn share_at_standard(
    lang: Lang,
    meeting: usize,
    of: usize,
    who_vi: &str,
    who_en: &str,
    on: Option<Date>,
) -> String {
    let when = on.map(|d| match lang {
        Lang::Vi => format!(" (số liệu ngày {})", date(lang, d)),
        Lang::En => format!(" (data of {})", date(lang, d)),
    });
    match lang {
        Lang::Vi => format!(
            "{}/{} xã {who_vi} đã đạt chuẩn nông thôn mới{}",
            n(lang, meeting as i64),
            n(lang, of as i64),
            when.unwrap_or_default()
        ),
        Lang::En => format!(
            "{meeting} of {of} communes {who_en} meet the standard{}",
            when.unwrap_or_default()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::timeline::{Levels, Movement};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_seed_week_reads_naturally() {
        let s = ScopeSummary {
            levels: Levels {
                known: 26,
                ..Default::default()
            },
            movement: Movement {
                reporting: 26,
                communes_gained: 10,
                criteria_gained: 21,
                ..Default::default()
            },
        };
        let h = bulletin_headlines(
            Lang::Vi,
            Some((d("2015-08-21"), d("2015-08-27"))),
            d("2015-08-27"),
            &s,
            0,
        );
        assert_eq!(
            h,
            [
                "Trong tuần 21–27/8/2015, 26 xã báo cáo; 10 xã tăng 21 tiêu chí.",
                "16 xã không tăng tiêu chí nào; không có xã nào giảm tiêu chí.",
                "Không có xã nào mới đạt chuẩn nông thôn mới."
            ]
        );
        assert_eq!(week_span(d("2015-08-28"), d("2015-09-03")), "28/8–3/9");
    }

    #[test]
    fn zero_cases() {
        assert_eq!(gains(Lang::Vi, 0, 0), "không có xã nào tăng tiêu chí");
        assert_eq!(losses(Lang::Vi, 2, 3), "2 xã giảm 3 tiêu chí");
        assert_eq!(gains(Lang::En, 1, 1), "1 commune gained 1 criterion");
        let s = ScopeSummary::default();
        let h = bulletin_headlines(Lang::Vi, None, d("2015-08-27"), &s, 0);
        assert_eq!(h[0], "Ngày 27/8/2015, không có xã nào báo cáo.");
    }

    #[test]
    fn the_2014_review_reads_as_the_seed() {
        let s = year_summary(Lang::Vi, 2014, Some(Dec2(270)), 26, 15, Some(5), 3);
        assert_eq!(
            s,
            "Năm 2014, bình quân các xã tăng 2,7 tiêu chí, 26 xã đạt chuẩn (15 xã mới đạt trong năm), không còn xã dưới 5 tiêu chí."
        );
        let s = year_summary(Lang::Vi, 2016, Some(Dec2(-20)), 1, 0, Some(0), 2);
        assert_eq!(
            s,
            "Năm 2016, bình quân các xã giảm 0,2 tiêu chí, 1 xã đạt chuẩn, còn 2 xã chưa đạt tiêu chí nào."
        );
        let s = year_summary(Lang::Vi, 2011, None, 0, 0, None, 0);
        assert_eq!(s, "Năm 2011, 0 xã đạt chuẩn.");
    }

    #[test]
    fn target_clauses() {
        assert_eq!(
            target_status(Lang::Vi, Measure::MinMet, Some(7), 3, d("2015-06-30"), 2015),
            "còn 3 xã dưới 7 tiêu chí, hạn 30/6/2015"
        );
        assert_eq!(
            target_status(
                Lang::Vi,
                Measure::TargetYearDone,
                None,
                2,
                d("2015-12-31"),
                2015
            ),
            "còn 2 xã đăng ký năm 2015 chưa đạt chuẩn, hạn 31/12/2015"
        );
        assert_eq!(
            share_at_standard(
                Lang::Vi,
                13,
                20,
                "có cán bộ biệt phái",
                "with seconded officers",
                Some(d("2017-12-28"))
            ),
            "13/20 xã có cán bộ biệt phái đã đạt chuẩn nông thôn mới (số liệu ngày 28/12/2017)"
        );
    }
}

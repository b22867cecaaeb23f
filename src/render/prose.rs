//! Sentences generated from the figures, in correct, natural Vietnamese (and
//! English): the weekly bulletin's headlines, the year review's summary, the
//! status of a target on a date, and the press figures on sponsors and
//! seconded officers. Zero and singular cases read naturally ("không có xã
//! nào giảm tiêu chí"). Pure functions of plain figures, so each is tested.

use super::format::{Lang, date, dec1, int};
use crate::date::Date;
use crate::model::Measure;
use crate::report::decimal::Dec2;
use crate::report::targets::Status;
use crate::report::timeline::ScopeSummary;

fn n(lang: Lang, v: impl Into<i64>) -> String {
    int(lang, v.into())
}

/// "10 xã tăng tổng cộng 21 tiêu chí", "5 xã, mỗi xã tăng 1 tiêu chí", "1 xã
/// tăng 3 tiêu chí" / "không có xã nào tăng tiêu chí": a total never reads
/// as each commune's gain.
pub fn gains(lang: Lang, communes: u32, criteria: u32) -> String {
    match (lang, communes) {
        (Lang::Vi, 0) => "không có xã nào tăng tiêu chí".into(),
        (Lang::Vi, 1) => format!("1 xã tăng {} tiêu chí", n(lang, criteria)),
        (Lang::Vi, c) if c == criteria => format!("{} xã, mỗi xã tăng 1 tiêu chí", n(lang, c)),
        (Lang::Vi, c) => format!(
            "{} xã tăng tổng cộng {} tiêu chí",
            n(lang, c),
            n(lang, criteria)
        ),
        (Lang::En, 0) => "no commune gained a criterion".into(),
        (Lang::En, 1) => format!(
            "1 commune gained {}",
            plural_en(criteria, "criterion", "criteria")
        ),
        (Lang::En, c) if c == criteria => format!("{c} communes gained 1 criterion each"),
        (Lang::En, c) => format!(
            "{c} communes gained {} in all",
            plural_en(criteria, "criterion", "criteria")
        ),
    }
}

/// The communes that reported and gained nothing, split into those that
/// could still gain and those already meeting every criterion: "16 xã không
/// tăng tiêu chí nào", "2 xã không tăng tiêu chí nào, 30 xã đã đạt đủ tiêu
/// chí từ trước", "30 xã không tăng vì đã đạt đủ tiêu chí từ trước". Empty
/// when nobody reported without a gain.
pub fn no_gain(lang: Lang, short: u32, at_standard: u32) -> String {
    match (lang, short, at_standard) {
        (_, 0, 0) => String::new(),
        (Lang::Vi, s, 0) => format!("{} xã không tăng tiêu chí nào", n(lang, s)),
        (Lang::Vi, 0, a) => format!(
            "{} xã không tăng vì đã đạt đủ tiêu chí từ trước",
            n(lang, a)
        ),
        (Lang::Vi, s, a) => format!(
            "{} xã không tăng tiêu chí nào, {} xã đã đạt đủ tiêu chí từ trước",
            n(lang, s),
            n(lang, a)
        ),
        (Lang::En, s, 0) => format!("{} gained none", plural_en(s, "commune", "communes")),
        (Lang::En, 0, a) => format!(
            "{} already met every criterion",
            plural_en(a, "commune", "communes")
        ),
        (Lang::En, s, a) => format!(
            "{} gained none and {} already met every criterion",
            plural_en(s, "commune", "communes"),
            plural_en(a, "commune", "communes")
        ),
    }
}

/// Known communes that did not report: "147 xã không báo cáo trong kỳ này
/// (giữ số liệu kỳ trước)"; empty for none.
pub fn not_reported(lang: Lang, k: u32) -> String {
    match (lang, k) {
        (_, 0) => String::new(),
        (Lang::Vi, k) => format!(
            "{} xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)",
            n(lang, k)
        ),
        (Lang::En, k) => format!(
            "{} did not report (their previous figures stand)",
            plural_en(k, "commune", "communes")
        ),
    }
}

/// Where a bulletin's figures come from, named by what they are: "báo cáo
/// tuần 21–27/8/2015 của các xã", "báo cáo kỳ 1/1–30/6/2011 của các xã",
/// "báo cáo ngày 27/8/2015 của các xã".
pub fn bulletin_source(lang: Lang, period: Option<(Date, Date)>, on: Date) -> String {
    match (lang, period) {
        (Lang::Vi, Some((a, b))) => {
            let word = if b.to_days() - a.to_days() <= 6 {
                "tuần"
            } else {
                "kỳ"
            };
            format!("báo cáo {word} {}/{} của các xã", week_span(a, b), b.year())
        }
        (Lang::Vi, None) => format!("báo cáo ngày {} của các xã", date(lang, on)),
        (Lang::En, Some((a, b))) => format!(
            "the communes' reports for {} to {}",
            date(lang, a),
            date(lang, b)
        ),
        (Lang::En, None) => format!("the communes' reports of {}", date(lang, on)),
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

/// A figure with one decimal (`2,7`), or two when one would show zero (`0,04`).
fn short_dec(lang: Lang, d: Dec2) -> String {
    if d.0 != 0 && Dec2::ratio(d.0, 1000).is_some_and(|t| t.0 == 0) {
        super::format::dec2(lang, d)
    } else {
        dec1(lang, d)
    }
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
        (Lang::Vi, Some(g)) if g.0 > 0 => parts.push(format!(
            "bình quân các xã tăng {} tiêu chí",
            short_dec(lang, g)
        )),
        (Lang::Vi, Some(g)) if g.0 < 0 => parts.push(format!(
            "bình quân các xã giảm {} tiêu chí",
            short_dec(lang, Dec2(-g.0))
        )),
        (Lang::Vi, Some(_)) => parts.push("bình quân số tiêu chí các xã đạt không đổi".into()),
        (Lang::En, Some(g)) if g.0 >= 0 => parts.push(format!(
            "communes gained {} criteria on average",
            short_dec(lang, g)
        )),
        (Lang::En, Some(g)) => parts.push(format!(
            "communes lost {} criteria on average",
            short_dec(lang, Dec2(-g.0))
        )),
        (_, None) => {}
    }
    match lang {
        Lang::Vi if meets_standard == 0 => parts.push("chưa có xã nào đạt chuẩn".into()),
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
        (Lang::Vi, Some(1)) => parts.push("xã nào cũng đạt ít nhất 1 tiêu chí".into()),
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
    let due = match lang {
        Lang::Vi => format!("hạn {}", date(lang, deadline)),
        Lang::En => format!("due {}", date(lang, deadline)),
    };
    let what = target_shortfall(
        lang,
        measure,
        value,
        shortfall,
        deadline_year,
        ("huyện", "district", "districts"),
    );
    format!("{what}, {due}")
}

/// The clause of a target's shortfall, without its deadline: "còn 3 xã
/// dưới 7 tiêu chí". `unit` names the groups of a per-group target
/// (Vietnamese, English singular and plural): `("huyện", "district",
/// "districts")` for the districts of a province.
pub fn target_shortfall(
    lang: Lang,
    measure: Measure,
    value: Option<u64>,
    shortfall: u64,
    deadline_year: i32,
    unit: (&str, &str, &str),
) -> String {
    let k = value.unwrap_or(0);
    let s = shortfall;
    let (u_vi, u_en, u_en_pl) = unit;
    match (lang, measure, s) {
        (Lang::Vi, Measure::MinMet, 0) => format!("không còn xã nào dưới {k} tiêu chí"),
        (Lang::Vi, Measure::MinMet, s) => format!("còn {} xã dưới {k} tiêu chí", n(lang, s as i64)),
        (Lang::Vi, Measure::StandardPerGroup, 0) if k <= 1 => {
            format!("{u_vi} nào cũng đã có xã đạt chuẩn")
        }
        (Lang::Vi, Measure::StandardPerGroup, 0) => {
            format!("{u_vi} nào cũng đã có ít nhất {k} xã đạt chuẩn")
        }
        (Lang::Vi, Measure::StandardPerGroup, s) if k == 1 => {
            format!("còn {} {u_vi} chưa có xã nào đạt chuẩn", n(lang, s as i64))
        }
        (Lang::Vi, Measure::StandardPerGroup, s) => {
            format!(
                "còn {} {u_vi} chưa có đủ {k} xã đạt chuẩn",
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
        (Lang::En, Measure::StandardPerGroup, 0) if k <= 1 => {
            format!("every {u_en} has a commune at the standard")
        }
        (Lang::En, Measure::StandardPerGroup, 0) => {
            format!("every {u_en} has {k} or more communes at the standard")
        }
        (Lang::En, Measure::StandardPerGroup, s) if k == 1 => {
            format!(
                "{} with no commune at the standard",
                plural_en(s as u32, u_en, u_en_pl)
            )
        }
        (Lang::En, Measure::StandardPerGroup, s) => {
            format!(
                "{} with fewer than {k} communes at the standard",
                plural_en(s as u32, u_en, u_en_pl)
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
    }
}

/// A target's result as a sentence: on its deadline when it is closed
/// ("Đến hạn 31/12/2014, còn 2 huyện chưa có xã nào đạt chuẩn."), on the
/// latest data while it is open ("Còn thiếu 39 xã đạt chuẩn so với mục
/// tiêu 140 xã, hạn 31/12/2020 (số liệu ngày 28/12/2017).").
#[allow(clippy::too_many_arguments)]
pub fn target_result(
    lang: Lang,
    status: Status,
    measure: Measure,
    value: Option<u64>,
    shortfall: u64,
    deadline: Date,
    evaluated_on: Option<Date>,
    unit: (&str, &str, &str),
) -> String {
    let what = target_shortfall(lang, measure, value, shortfall, deadline.year(), unit);
    let due = date(lang, deadline);
    let s = match (lang, status) {
        (Lang::Vi, Status::Open) => {
            let data = evaluated_on
                .map(|d| format!(" (số liệu ngày {})", date(lang, d)))
                .unwrap_or_else(|| " (chưa có số liệu)".into());
            format!("{what}, hạn {due}{data}")
        }
        (Lang::Vi, _) => format!("đến hạn {due}, {what}"),
        (Lang::En, Status::Open) => {
            let data = evaluated_on
                .map(|d| format!(" (data of {})", date(lang, d)))
                .unwrap_or_else(|| " (no data yet)".into());
            format!("{what}, due {due}{data}")
        }
        (Lang::En, _) => format!("by the deadline, {due}: {what}"),
    };
    sentence(&s)
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

/// The other way round: how many of the communes at the standard have
/// something — "Trong 101 xã đạt chuẩn nông thôn mới, 60 xã có đơn vị đỡ
/// đầu (số liệu ngày 28/12/2017)".
pub fn standard_with(
    lang: Lang,
    with: usize,
    meeting: usize,
    what_vi: &str,
    what_en: &str,
    on: Option<Date>,
) -> String {
    let when = on.map(|d| match lang {
        Lang::Vi => format!(" (số liệu ngày {})", date(lang, d)),
        Lang::En => format!(" (data of {})", date(lang, d)),
    });
    match (lang, meeting) {
        (Lang::Vi, 0) => format!(
            "Chưa có xã nào đạt chuẩn nông thôn mới{}",
            when.unwrap_or_default()
        ),
        (Lang::Vi, m) => format!(
            "Trong {} xã đạt chuẩn nông thôn mới, {} xã {what_vi}{}",
            n(lang, m as i64),
            n(lang, with as i64),
            when.unwrap_or_default()
        ),
        (Lang::En, 0) => format!(
            "No commune meets the standard yet{}",
            when.unwrap_or_default()
        ),
        (Lang::En, m) => format!(
            "Of the {} at the standard, {with} {what_en}{}",
            plural_en(m as u32, "commune", "communes"),
            when.unwrap_or_default()
        ),
    }
}

// The year review page, in the order it reads (issue 8).

/// Where the province stands at a year's end: "Tính đến ngày 31/12/2014,
/// 26/229 xã có số liệu đạt chuẩn nông thôn mới (11,4%)." `latest` says
/// the end is the latest data, not 31 December.
pub fn year_standing(lang: Lang, end: Date, latest: bool, known: u32, meets: u32) -> String {
    let when = match (lang, latest) {
        (Lang::Vi, false) => format!("tính đến ngày {}", date(lang, end)),
        (Lang::Vi, true) => format!("tính đến ngày {} (số liệu mới nhất)", date(lang, end)),
        (Lang::En, false) => format!("on {}", date(lang, end)),
        (Lang::En, true) => format!("on {} (the latest data)", date(lang, end)),
    };
    let share = |lang| {
        Dec2::ratio(i64::from(meets) * 100, i64::from(known))
            .map(|p| dec1(lang, p))
            .unwrap_or_default()
    };
    let s = match (lang, known) {
        (Lang::Vi, 0) => format!("{when}, chưa có xã nào có số liệu"),
        (Lang::Vi, _) if meets == 0 => format!(
            "{when}, {} xã có số liệu, chưa có xã nào đạt chuẩn nông thôn mới",
            n(lang, known)
        ),
        (Lang::Vi, _) => format!(
            "{when}, {}/{} xã có số liệu đạt chuẩn nông thôn mới ({}%)",
            n(lang, meets),
            n(lang, known),
            share(lang)
        ),
        (Lang::En, 0) => format!("{when}, no commune had reported"),
        (Lang::En, _) if meets == 0 => format!(
            "{when}, none of the {} with data met the standard",
            plural_en(known, "commune", "communes")
        ),
        (Lang::En, _) => format!(
            "{when}, {meets} of the {} with data met the standard ({}%)",
            plural_en(known, "commune", "communes"),
            share(lang)
        ),
    };
    sentence(&s)
}

/// Who reached the standard in the year and who fell back: "15 xã mới đạt
/// chuẩn trong năm 2014." / "… 21 xã đạt chuẩn ngày 31/12/2015 nhưng đến
/// ngày 31/12/2016 không còn đạt đủ tiêu chí."
pub fn year_newly(
    lang: Lang,
    year: i32,
    newly: usize,
    lost: usize,
    start: Date,
    end: Date,
) -> String {
    let mut s = match (lang, newly) {
        (Lang::Vi, 0) => format!("Không có xã nào mới đạt chuẩn trong năm {year}."),
        (Lang::Vi, k) => format!("{} xã mới đạt chuẩn trong năm {year}.", n(lang, k as i64)),
        (Lang::En, 0) => format!("No commune newly met the standard in {year}."),
        (Lang::En, k) => format!(
            "{} newly met the standard in {year}.",
            capital_en(&plural_en(k as u32, "commune", "communes"))
        ),
    };
    if lost > 0 {
        s.push(' ');
        s.push_str(&match lang {
            Lang::Vi => format!(
                "{} xã đạt chuẩn ngày {} nhưng đến ngày {} không còn đạt đủ tiêu chí.",
                n(lang, lost as i64),
                date(lang, start),
                date(lang, end)
            ),
            Lang::En => format!(
                "{} at the standard on {} no longer met every criterion on {}.",
                capital_en(&plural_en(lost as u32, "commune", "communes")),
                date(lang, start),
                date(lang, end)
            ),
        });
    }
    s
}

/// The average gain and the communes it covers: "So với ngày 31/12/2013,
/// bình quân mỗi xã tăng 2,70 tiêu chí (tính trên 229 xã báo cáo theo cùng
/// một bộ tiêu chí ở cả hai thời điểm)." Communes left out are said: those that
/// moved to another criteria set in the year (`rebased`) and those with no
/// data at the start (`new`).
pub fn year_gain(
    lang: Lang,
    start: Date,
    compared: u32,
    average: Option<Dec2>,
    rebased: u32,
    new: u32,
) -> String {
    let from = date(lang, start);
    let mut s = match (lang, average) {
        (Lang::Vi, Some(g)) => {
            let how = if g.0 > 0 {
                format!(
                    "bình quân mỗi xã tăng {} tiêu chí",
                    super::format::dec2(lang, g)
                )
            } else if g.0 < 0 {
                format!(
                    "bình quân mỗi xã giảm {} tiêu chí",
                    super::format::dec2(lang, Dec2(-g.0))
                )
            } else {
                "số tiêu chí bình quân mỗi xã không đổi".to_string()
            };
            format!(
                "So với ngày {from}, {how} (tính trên {} xã báo cáo theo cùng một bộ tiêu chí ở cả hai thời điểm).",
                n(lang, compared)
            )
        }
        (Lang::Vi, None) => format!("Chưa tính được mức tăng bình quân so với ngày {from}."),
        (Lang::En, Some(g)) => {
            let how = if g.0 >= 0 {
                format!(
                    "gained {} criteria on average",
                    super::format::dec2(lang, g)
                )
            } else {
                format!(
                    "lost {} criteria on average",
                    super::format::dec2(lang, Dec2(-g.0))
                )
            };
            format!(
                "Since {from}, the {} reporting under the same criteria set at both dates {how}.",
                plural_en(compared, "commune", "communes")
            )
        }
        (Lang::En, None) => format!("There is no average gain since {from}."),
    };
    let mut left = Vec::new();
    match lang {
        Lang::Vi => {
            if rebased > 0 {
                left.push(format!(
                    "{} xã chuyển sang bộ tiêu chí khác trong năm",
                    n(lang, rebased)
                ));
            }
            if new > 0 {
                left.push(format!("{} xã chưa có số liệu ngày {from}", n(lang, new)));
            }
            if !left.is_empty() && average.is_some() {
                s.push_str(&format!(" Không tính {}.", left.join(" và ")));
            } else if !left.is_empty() {
                s.pop();
                s.push_str(&format!(": {}.", left.join("; ")));
            }
        }
        Lang::En => {
            if rebased > 0 {
                left.push(format!(
                    "{} moved to another criteria set in the year",
                    plural_en(rebased, "commune", "communes")
                ));
            }
            if new > 0 {
                left.push(format!(
                    "{} had no data on {from}",
                    plural_en(new, "commune", "communes")
                ));
            }
            if !left.is_empty() && average.is_some() {
                s.push_str(&format!(" Left out: {}.", left.join("; ")));
            } else if !left.is_empty() {
                s.pop();
                s.push_str(&format!(": {}.", left.join("; ")));
            }
        }
    }
    s
}

/// The fewest criteria a commune met at the year's end, as a clause the
/// page follows with the communes' names: "Xã đạt ít tiêu chí nhất: 5 tiêu
/// chí (3 xã)".
pub fn year_fewest(lang: Lang, min_met: Option<u32>, at_min: usize) -> Option<String> {
    let k = min_met?;
    Some(match (lang, k) {
        (Lang::Vi, 0) => format!("{} xã chưa đạt tiêu chí nào", n(lang, at_min as i64)),
        (Lang::Vi, k) => format!(
            "Xã đạt ít tiêu chí nhất: {k} tiêu chí ({} xã)",
            n(lang, at_min as i64)
        ),
        (Lang::En, 0) => capital_en(&format!(
            "{} met no criterion",
            plural_en(at_min as u32, "commune", "communes")
        )),
        (Lang::En, k) => format!(
            "The fewest criteria a commune met: {k} ({})",
            plural_en(at_min as u32, "commune", "communes")
        ),
    })
}

/// A criteria set that came into use in the year: "Từ ngày 17/10/2016 áp
/// dụng Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020
/// (Quyết định số 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ)."
pub fn year_new_set(lang: Lang, from: Date, name: &str, decision: Option<&str>) -> String {
    let dec = decision.map(|d| format!(" ({d})")).unwrap_or_default();
    match lang {
        Lang::Vi => format!("Từ ngày {} áp dụng {name}{dec}.", date(lang, from)),
        Lang::En => format!("From {} the set in force is {name}{dec}.", date(lang, from)),
    }
}

/// Sponsors and seconded officers among the communes newly at the
/// standard: "Trong 15 xã mới đạt chuẩn năm 2014, 15 xã có đơn vị đỡ đầu,
/// 2 xã có cán bộ biệt phái."
pub fn year_people(
    lang: Lang,
    year: i32,
    newly: usize,
    sponsored: usize,
    seconded: usize,
) -> Option<String> {
    if newly == 0 {
        return None;
    }
    Some(match lang {
        Lang::Vi if newly == 1 => {
            let has = |yes: bool, what: &str| {
                if yes {
                    format!("có {what}")
                } else {
                    format!("không có {what}")
                }
            };
            format!(
                "Xã mới đạt chuẩn năm {year} {} và {}.",
                has(sponsored == 1, "đơn vị đỡ đầu"),
                has(seconded == 1, "cán bộ biệt phái")
            )
        }
        Lang::Vi => {
            let count = |k: usize, what: &str| match k {
                0 => format!("không có xã nào có {what}"),
                k if k == newly => format!("cả {} xã đều có {what}", n(lang, k as i64)),
                k => format!("{} xã có {what}", n(lang, k as i64)),
            };
            format!(
                "Trong {} xã mới đạt chuẩn năm {year}, {}; {}.",
                n(lang, newly as i64),
                count(sponsored, "đơn vị đỡ đầu"),
                count(seconded, "cán bộ biệt phái")
            )
        }
        Lang::En => format!(
            "Of the {} newly at the standard in {year}, {sponsored} had a sponsor and {seconded} a seconded officer.",
            plural_en(newly as u32, "commune", "communes")
        ),
    })
}

// ---------------------------------------------------------------------------
// The weekly bulletin's paragraphs (issue 6): who reported and moved among
// the year's target communes and in the whole province, who gained most,
// who reached the standard, and where things stand.

/// A list read out: "A, B và C" / "A, B and C".
pub fn and_list(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Vi => " và ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// How a bulletin names its time: "Trong tuần 21–27/8/2015" (a period of at
/// most 7 days), "Trong kỳ 1/1–30/6/2011" (a longer one), "Ngày 30/6/2011"
/// (no period).
pub fn bulletin_when(lang: Lang, period: Option<(Date, Date)>, on: Date) -> String {
    match (lang, period) {
        (Lang::Vi, Some((a, b))) => {
            let word = if b.to_days() - a.to_days() <= 6 {
                "tuần"
            } else {
                "kỳ"
            };
            format!("Trong {word} {}/{}", week_span(a, b), b.year())
        }
        (Lang::Vi, None) => format!("Ngày {}", date(lang, on)),
        (Lang::En, Some((a, b))) => {
            let word = if b.to_days() - a.to_days() <= 6 {
                "week"
            } else {
                "period"
            };
            format!("In the {word} {} to {}", date(lang, a), date(lang, b))
        }
        (Lang::En, None) => format!("On {}", date(lang, on)),
    }
}

/// Gains, those that reported and gained nothing, and losses of one scope:
/// "10 xã tăng tổng cộng 21 tiêu chí, 16 xã không tăng tiêu chí nào; không
/// có xã nào giảm tiêu chí".
fn movement_clause(lang: Lang, s: &ScopeSummary) -> String {
    let m = &s.movement;
    let (short, steady) = (s.reported_no_gain_short(), m.steady_standard);
    let mut out = match (lang, m.communes_gained, short, steady) {
        (_, 0, _, 0) => gains(lang, 0, 0),
        (Lang::Vi, 0, 0, a) => format!(
            "{} xã đã đạt đủ tiêu chí từ trước nên không tăng",
            n(lang, a)
        ),
        (Lang::Vi, 0, _, a) => format!(
            "không có xã nào tăng tiêu chí ({} xã đã đạt đủ tiêu chí từ trước)",
            n(lang, a)
        ),
        (Lang::En, 0, 0, a) => format!(
            "{} already met every criterion, so none gained",
            plural_en(a, "commune", "communes")
        ),
        (Lang::En, 0, _, a) => format!(
            "no commune gained a criterion ({} already met every criterion)",
            plural_en(a, "commune", "communes")
        ),
        _ => {
            let mut out = gains(lang, m.communes_gained, m.criteria_gained);
            let none = no_gain(lang, short, steady);
            if !none.is_empty() {
                out.push_str(", ");
                out.push_str(&none);
            }
            out
        }
    };
    out.push_str("; ");
    out.push_str(&losses(lang, m.communes_lost, m.criteria_lost));
    out
}

/// The week of the year's target communes (`communes` of them, `s` their
/// figures): "Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015
/// đều báo cáo: 10 xã tăng 21 tiêu chí, 16 xã không tăng tiêu chí nào;
/// không có xã nào giảm tiêu chí."
pub fn target_week(lang: Lang, when: &str, year: i32, communes: u32, s: &ScopeSummary) -> String {
    let r = s.movement.reporting;
    let t = communes;
    let who = match lang {
        Lang::Vi => format!("xã đăng ký về đích năm {year}"),
        Lang::En => format!("registered for {year}"),
    };
    let text = match lang {
        Lang::Vi => {
            let lead = match (r, t) {
                (0, 1) => format!("{when}, {who} chưa báo cáo"),
                (0, t) => format!("{when}, chưa có xã nào trong {} {who} báo cáo", n(lang, t)),
                (1, 1) => format!("{when}, {who} đã báo cáo"),
                (r, t) if r == t => format!("{when}, cả {} {who} đều báo cáo", n(lang, t)),
                (r, t) => format!("{when}, {}/{} {who} báo cáo", n(lang, r), n(lang, t)),
            };
            if r == 0 {
                lead
            } else {
                format!("{lead}: {}", movement_clause(lang, s))
            }
        }
        Lang::En => {
            let lead = match (r, t) {
                (0, 1) => format!("{when}, the commune {who} did not report"),
                (0, t) => format!("{when}, none of the {t} communes {who} reported"),
                (1, 1) => format!("{when}, the commune {who} reported"),
                (r, t) if r == t => format!("{when}, all {t} communes {who} reported"),
                (r, t) => format!("{when}, {r} of the {t} communes {who} reported"),
            };
            if r == 0 {
                lead
            } else {
                format!("{lead}: {}", movement_clause(lang, s))
            }
        }
    };
    sentence(&text)
}

/// The whole province's week: "Toàn tỉnh có 82 xã báo cáo: 21 xã tăng 33
/// tiêu chí; không có xã nào giảm tiêu chí." With `when` it leads the
/// sentence (a bulletin with no target communes); first reports and
/// re-basings are counted when there are any.
pub fn province_week(lang: Lang, when: Option<&str>, s: &ScopeSummary) -> String {
    let m = &s.movement;
    let lead = match (lang, when) {
        (Lang::Vi, Some(w)) => format!("{w}, toàn tỉnh"),
        (Lang::Vi, None) => "Toàn tỉnh".to_string(),
        (Lang::En, Some(w)) => format!("{w}, across the province"),
        (Lang::En, None) => "Across the province".to_string(),
    };
    let mut text = match (lang, m.reporting) {
        (Lang::Vi, 0) => format!("{lead} không có xã nào báo cáo"),
        (Lang::Vi, r) => format!(
            "{lead} có {} xã báo cáo: {}",
            n(lang, r),
            movement_clause(lang, s)
        ),
        (Lang::En, 0) => format!("{lead}, no commune reported"),
        (Lang::En, r) => format!(
            "{lead}, {} reported: {}",
            plural_en(r, "commune", "communes"),
            movement_clause(lang, s)
        ),
    };
    if m.baseline > 0 {
        text.push_str(&match lang {
            Lang::Vi => format!("; {} xã báo cáo lần đầu", n(lang, m.baseline)),
            Lang::En => format!(
                "; {} reported for the first time",
                plural_en(m.baseline, "commune", "communes")
            ),
        });
    }
    if m.rebased > 0 {
        text.push_str(&match lang {
            Lang::Vi => format!(
                "; {} xã chuyển sang bộ tiêu chí mới (không tính tăng, giảm)",
                n(lang, m.rebased)
            ),
            Lang::En => format!(
                "; {} moved to a new criteria set (no gain or loss counted)",
                plural_en(m.rebased, "commune", "communes")
            ),
        });
    }
    let silent = not_reported(lang, s.not_reported());
    if m.reporting > 0 && !silent.is_empty() {
        text.push_str("; ");
        text.push_str(&silent);
    }
    sentence(&text)
}

/// The week of the year's target communes, in brief (the home page):
/// "Các xã đăng ký về đích năm 2015: 10 xã tăng tổng cộng 21 tiêu chí, 16
/// xã không tăng tiêu chí nào; không có xã nào giảm tiêu chí."
pub fn target_brief(lang: Lang, year: i32, s: &ScopeSummary) -> String {
    let lead = match lang {
        Lang::Vi => format!("Các xã đăng ký về đích năm {year}"),
        Lang::En => format!("Communes registered for {year}"),
    };
    let text = match (lang, s.movement.reporting) {
        (Lang::Vi, 0) => format!("{lead}: không có xã nào báo cáo"),
        (Lang::En, 0) => format!("{lead}: none reported"),
        _ => format!("{lead}: {}", movement_clause(lang, s)),
    };
    let mut text = text;
    let silent = not_reported(lang, s.not_reported());
    if !silent.is_empty() {
        text.push_str("; ");
        text.push_str(&silent);
    }
    sentence(&text)
}

/// Who gained most, when that names at most three communes: "Xã tăng nhiều
/// nhất là Kỳ Thư (Kỳ Anh) với 4 tiêu chí: Trường học, Bưu điện, …". `only`:
/// the one commune that gained at all. `None` when nobody gained or more
/// than three tie.
pub fn top_gainers(
    lang: Lang,
    names: &[String],
    each: u32,
    criteria: &[String],
    only: bool,
) -> Option<String> {
    if names.is_empty() || names.len() > 3 || each == 0 {
        return None;
    }
    let list = and_list(lang, criteria);
    let text = match (lang, names, only) {
        (Lang::Vi, [one], true) => format!(
            "Xã duy nhất tăng tiêu chí là {one} với {} tiêu chí: {list}",
            n(lang, each)
        ),
        (Lang::Vi, [one], false) => format!(
            "Xã tăng nhiều nhất là {one} với {} tiêu chí: {list}",
            n(lang, each)
        ),
        (Lang::Vi, many, _) => format!(
            "Các xã tăng nhiều nhất là {}, mỗi xã {} tiêu chí",
            and_list(lang, many),
            n(lang, each)
        ),
        (Lang::En, [one], true) => format!(
            "The only commune that gained is {one}, with {}: {list}",
            plural_en(each, "criterion", "criteria")
        ),
        (Lang::En, [one], false) => format!(
            "{one} gained most, {}: {list}",
            plural_en(each, "criterion", "criteria")
        ),
        (Lang::En, many, _) => format!(
            "{} gained most, {} each",
            and_list(lang, many),
            plural_en(each, "criterion", "criteria")
        ),
    };
    Some(sentence(&text))
}

/// Communes that reached the standard at this report, named when there are
/// at most eight: "2 xã mới đạt chuẩn nông thôn mới: A (H) và B (H)."
pub fn newly_standard(lang: Lang, names: &[String]) -> String {
    let k = names.len();
    let text = match (lang, k) {
        (Lang::Vi, 0) => "không có xã nào mới đạt chuẩn nông thôn mới".to_string(),
        (Lang::Vi, k) if k <= 8 => format!(
            "{} xã mới đạt chuẩn nông thôn mới: {}",
            n(lang, k as i64),
            and_list(lang, names)
        ),
        (Lang::Vi, k) => format!("{} xã mới đạt chuẩn nông thôn mới", n(lang, k as i64)),
        (Lang::En, 0) => "no commune newly met the standard".to_string(),
        (Lang::En, k) if k <= 8 => format!(
            "{} newly met the standard: {}",
            plural_en(k as u32, "commune", "communes"),
            and_list(lang, names)
        ),
        (Lang::En, k) => format!(
            "{} newly met the standard",
            plural_en(k as u32, "commune", "communes")
        ),
    };
    sentence(&text)
}

/// Where the year's target communes stand: "Còn 26 xã chưa đạt chuẩn, thiếu
/// tổng cộng 111 tiêu chí; 3 xã đã đạt chuẩn; 1 xã chưa có số liệu."
/// `short` and `missing` count the known communes not at the standard.
pub fn target_standing(
    lang: Lang,
    year: i32,
    communes: usize,
    at_standard: usize,
    short: usize,
    missing: u64,
    unknown: usize,
) -> String {
    let k = |v: usize| n(lang, v as i64);
    let mut parts: Vec<String> = Vec::new();
    match lang {
        Lang::Vi => {
            if at_standard == communes && communes > 1 {
                parts.push(format!(
                    "cả {} xã đăng ký về đích năm {year} đã đạt chuẩn",
                    k(communes)
                ));
            } else if at_standard == communes {
                parts.push(format!("xã đăng ký về đích năm {year} đã đạt chuẩn"));
            } else {
                if short > 0 {
                    parts.push(format!(
                        "còn {} xã chưa đạt chuẩn, thiếu tổng cộng {} tiêu chí",
                        k(short),
                        n(lang, missing as i64)
                    ));
                }
                if at_standard > 0 {
                    parts.push(format!("{} xã đã đạt chuẩn", k(at_standard)));
                } else if short == 0 {
                    parts.push("chưa có xã nào đạt chuẩn".into());
                }
                if unknown > 0 {
                    parts.push(format!("{} xã chưa có số liệu", k(unknown)));
                }
            }
        }
        Lang::En => {
            if at_standard == communes {
                parts.push(format!(
                    "{} registered for {year} {} the standard",
                    if communes == 1 {
                        "the commune".to_string()
                    } else {
                        format!("all {communes} communes")
                    },
                    if communes == 1 { "meets" } else { "meet" }
                ));
            } else {
                if short > 0 {
                    parts.push(format!(
                        "{} still short of the standard, missing {} in all",
                        plural_en(short as u32, "commune", "communes"),
                        plural_en(missing as u32, "criterion", "criteria")
                    ));
                }
                if at_standard > 0 {
                    parts.push(format!("{at_standard} at the standard"));
                } else if short == 0 {
                    parts.push("none at the standard yet".into());
                }
                if unknown > 0 {
                    parts.push(format!(
                        "{} without data",
                        plural_en(unknown as u32, "commune", "communes")
                    ));
                }
            }
        }
    }
    sentence(&parts.join("; "))
}

/// The province on the date: "Đến ngày 27/8/2015, 27 trong số 229 xã có số
/// liệu đã đạt chuẩn nông thôn mới; bình quân 11,47 tiêu chí/xã."
pub fn province_standing(
    lang: Lang,
    on: Date,
    known: u32,
    at_standard: u32,
    average: Option<Dec2>,
) -> String {
    let text = match (lang, known, average) {
        (Lang::Vi, 0, _) | (Lang::Vi, _, None) => {
            format!("Đến ngày {}, chưa có xã nào có số liệu", date(lang, on))
        }
        (Lang::Vi, k, Some(a)) => format!(
            "Đến ngày {}, {} trong số {} xã có số liệu đã đạt chuẩn nông thôn mới; bình quân {} tiêu chí/xã",
            date(lang, on),
            n(lang, at_standard),
            n(lang, k),
            super::format::dec2(lang, a)
        ),
        (Lang::En, 0, _) | (Lang::En, _, None) => {
            format!("On {}, no commune had data yet", date(lang, on))
        }
        (Lang::En, k, Some(a)) => format!(
            "On {}, {at_standard} of the {k} communes with data met the standard; {} criteria met on average",
            date(lang, on),
            super::format::dec2(lang, a)
        ),
    };
    sentence(&text)
}
// --- end of the weekly bulletin's paragraphs ---

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn gains_never_read_as_each_communes_gain() {
        assert_eq!(gains(Lang::Vi, 0, 0), "không có xã nào tăng tiêu chí");
        assert_eq!(gains(Lang::Vi, 1, 3), "1 xã tăng 3 tiêu chí");
        assert_eq!(gains(Lang::Vi, 5, 5), "5 xã, mỗi xã tăng 1 tiêu chí");
        assert_eq!(gains(Lang::Vi, 10, 21), "10 xã tăng tổng cộng 21 tiêu chí");
        assert_eq!(gains(Lang::En, 1, 1), "1 commune gained 1 criterion");
        assert_eq!(gains(Lang::En, 5, 5), "5 communes gained 1 criterion each");
        assert_eq!(
            gains(Lang::En, 10, 21),
            "10 communes gained 21 criteria in all"
        );
        assert_eq!(losses(Lang::Vi, 2, 3), "2 xã giảm 3 tiêu chí");
        assert_eq!(week_span(d("2015-08-28"), d("2015-09-03")), "28/8–3/9");
    }

    #[test]
    fn no_gain_splits_those_already_at_the_standard() {
        // Nobody reported without a gain.
        assert_eq!(no_gain(Lang::Vi, 0, 0), "");
        // One, and all of them short of the standard.
        assert_eq!(no_gain(Lang::Vi, 1, 0), "1 xã không tăng tiêu chí nào");
        // All of them already at the standard: they could not gain.
        assert_eq!(
            no_gain(Lang::Vi, 0, 30),
            "30 xã không tăng vì đã đạt đủ tiêu chí từ trước"
        );
        // The home page's "32 xã không tăng tiêu chí", 30 of them at 19/19.
        assert_eq!(
            no_gain(Lang::Vi, 2, 30),
            "2 xã không tăng tiêu chí nào, 30 xã đã đạt đủ tiêu chí từ trước"
        );
        assert_eq!(
            no_gain(Lang::En, 2, 30),
            "2 communes gained none and 30 communes already met every criterion"
        );
        assert_eq!(not_reported(Lang::Vi, 0), "");
        assert_eq!(
            not_reported(Lang::Vi, 147),
            "147 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)"
        );
        assert_eq!(
            not_reported(Lang::En, 1),
            "1 commune did not report (their previous figures stand)"
        );
    }

    #[test]
    fn the_source_is_named_by_what_it_is() {
        assert_eq!(
            bulletin_source(
                Lang::Vi,
                Some((d("2015-08-21"), d("2015-08-27"))),
                d("2015-08-27")
            ),
            "báo cáo tuần 21–27/8/2015 của các xã"
        );
        assert_eq!(
            bulletin_source(
                Lang::Vi,
                Some((d("2011-01-01"), d("2011-06-30"))),
                d("2011-06-30")
            ),
            "báo cáo kỳ 1/1–30/6/2011 của các xã"
        );
        assert_eq!(
            bulletin_source(Lang::Vi, None, d("2015-08-27")),
            "báo cáo ngày 27/8/2015 của các xã"
        );
        assert!(!bulletin_source(Lang::Vi, None, d("2015-08-27")).contains(".yaml"));
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
        assert_eq!(s, "Năm 2011, chưa có xã nào đạt chuẩn.");
        let s = year_summary(Lang::Vi, 2012, Some(Dec2(4)), 3, 3, Some(1), 17);
        assert_eq!(
            s,
            "Năm 2012, bình quân các xã tăng 0,04 tiêu chí, 3 xã đạt chuẩn (3 xã mới đạt trong năm), xã nào cũng đạt ít nhất 1 tiêu chí."
        );
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

    // Targets, the year review and the press figures (issue 8).
    #[test]
    fn target_results_read_as_sentences() {
        let unit = ("huyện", "district", "districts");
        assert_eq!(
            target_result(
                Lang::Vi,
                Status::Missed,
                Measure::StandardPerGroup,
                Some(1),
                2,
                d("2014-12-31"),
                Some(d("2014-12-31")),
                unit
            ),
            "Đến hạn 31/12/2014, còn 2 huyện chưa có xã nào đạt chuẩn."
        );
        assert_eq!(
            target_result(
                Lang::Vi,
                Status::Achieved,
                Measure::MinMet,
                Some(7),
                0,
                d("2015-06-30"),
                Some(d("2015-06-30")),
                unit
            ),
            "Đến hạn 30/6/2015, không còn xã nào dưới 7 tiêu chí."
        );
        assert_eq!(
            target_result(
                Lang::Vi,
                Status::Open,
                Measure::StandardCount,
                Some(140),
                39,
                d("2020-12-31"),
                Some(d("2017-12-28")),
                unit
            ),
            "Còn thiếu 39 xã đạt chuẩn so với mục tiêu 140 xã, hạn 31/12/2020 (số liệu ngày 28/12/2017)."
        );
        assert_eq!(
            target_shortfall(
                Lang::Vi,
                Measure::StandardPerGroup,
                Some(2),
                3,
                2015,
                ("đơn vị", "area", "areas")
            ),
            "còn 3 đơn vị chưa có đủ 2 xã đạt chuẩn"
        );
        assert_eq!(
            target_result(
                Lang::En,
                Status::Open,
                Measure::TargetYearDone,
                None,
                1,
                d("2016-12-31"),
                None,
                unit
            ),
            "1 commune registered for 2016 not yet at the standard, due 31 Dec 2016 (no data yet)."
        );
    }

    #[test]
    fn year_page_sentences_in_usual_and_edge_cases() {
        assert_eq!(
            year_standing(Lang::Vi, d("2014-12-31"), false, 229, 26),
            "Tính đến ngày 31/12/2014, 26/229 xã có số liệu đạt chuẩn nông thôn mới (11,4%)."
        );
        assert_eq!(
            year_standing(Lang::Vi, d("2011-12-31"), false, 228, 0),
            "Tính đến ngày 31/12/2011, 228 xã có số liệu, chưa có xã nào đạt chuẩn nông thôn mới."
        );
        assert_eq!(
            year_standing(Lang::Vi, d("2017-12-28"), true, 0, 0),
            "Tính đến ngày 28/12/2017 (số liệu mới nhất), chưa có xã nào có số liệu."
        );
        assert_eq!(
            year_newly(Lang::Vi, 2016, 18, 21, d("2015-12-31"), d("2016-12-31")),
            "18 xã mới đạt chuẩn trong năm 2016. 21 xã đạt chuẩn ngày 31/12/2015 nhưng đến ngày 31/12/2016 không còn đạt đủ tiêu chí."
        );
        assert_eq!(
            year_gain(Lang::Vi, d("2015-12-31"), 5, Some(Dec2(-20)), 3, 0),
            "So với ngày 31/12/2015, bình quân mỗi xã giảm 0,20 tiêu chí (tính trên 5 xã báo cáo theo cùng một bộ tiêu chí ở cả hai thời điểm). Không tính 3 xã chuyển sang bộ tiêu chí khác trong năm."
        );
        assert_eq!(
            year_gain(Lang::Vi, d("2013-12-31"), 228, Some(Dec2(189)), 0, 1),
            "So với ngày 31/12/2013, bình quân mỗi xã tăng 1,89 tiêu chí (tính trên 228 xã báo cáo theo cùng một bộ tiêu chí ở cả hai thời điểm). Không tính 1 xã chưa có số liệu ngày 31/12/2013."
        );
        assert_eq!(
            year_gain(Lang::Vi, d("2010-12-31"), 0, None, 0, 228),
            "Chưa tính được mức tăng bình quân so với ngày 31/12/2010: 228 xã chưa có số liệu ngày 31/12/2010."
        );
        assert_eq!(
            year_fewest(Lang::Vi, Some(5), 7).unwrap(),
            "Xã đạt ít tiêu chí nhất: 5 tiêu chí (7 xã)"
        );
        assert_eq!(
            year_fewest(Lang::Vi, Some(0), 2).unwrap(),
            "2 xã chưa đạt tiêu chí nào"
        );
        assert_eq!(year_fewest(Lang::Vi, None, 0), None);
        assert_eq!(
            year_people(Lang::Vi, 2014, 15, 15, 0).unwrap(),
            "Trong 15 xã mới đạt chuẩn năm 2014, cả 15 xã đều có đơn vị đỡ đầu; không có xã nào có cán bộ biệt phái."
        );
        assert_eq!(
            year_people(Lang::Vi, 2016, 18, 17, 4).unwrap(),
            "Trong 18 xã mới đạt chuẩn năm 2016, 17 xã có đơn vị đỡ đầu; 4 xã có cán bộ biệt phái."
        );
        assert_eq!(year_people(Lang::Vi, 2011, 0, 0, 0), None);
        assert_eq!(
            standard_with(
                Lang::Vi,
                20,
                26,
                "có đơn vị đỡ đầu",
                "had a sponsor",
                Some(d("2014-12-31"))
            ),
            "Trong 26 xã đạt chuẩn nông thôn mới, 20 xã có đơn vị đỡ đầu (số liệu ngày 31/12/2014)"
        );
        assert_eq!(
            year_new_set(
                Lang::Vi,
                d("2016-10-17"),
                "Bộ tiêu chí mới",
                Some("Quyết định số 1980/QĐ-TTg")
            ),
            "Từ ngày 17/10/2016 áp dụng Bộ tiêu chí mới (Quyết định số 1980/QĐ-TTg)."
        );
    }
}

// The weekly bulletin's sentences, tested apart from the others.
#[cfg(test)]
mod bulletin_tests {
    use super::*;
    use crate::report::timeline::{Levels, Movement};

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn scope(known: u32, reporting: u32, gained: (u32, u32), lost: (u32, u32)) -> ScopeSummary {
        ScopeSummary {
            levels: Levels {
                known,
                ..Default::default()
            },
            movement: Movement {
                reporting,
                communes_gained: gained.0,
                criteria_gained: gained.1,
                communes_lost: lost.0,
                criteria_lost: lost.1,
                ..Default::default()
            },
        }
    }

    #[test]
    fn the_seed_week_in_the_bulletin() {
        let when = bulletin_when(
            Lang::Vi,
            Some((d("2015-08-21"), d("2015-08-27"))),
            d("2015-08-27"),
        );
        assert_eq!(when, "Trong tuần 21–27/8/2015");
        assert_eq!(
            target_week(Lang::Vi, &when, 2015, 26, &scope(26, 26, (10, 21), (0, 0))),
            "Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015 đều báo cáo: 10 xã tăng tổng cộng 21 tiêu chí, 16 xã không tăng tiêu chí nào; không có xã nào giảm tiêu chí."
        );
        let criteria: Vec<String> = [
            "Trường học",
            "Bưu điện",
            "Hình thức tổ chức sản xuất",
            "An ninh, trật tự xã hội",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            top_gainers(Lang::Vi, &["Kỳ Thư (Kỳ Anh)".into()], 4, &criteria, false).unwrap(),
            "Xã tăng nhiều nhất là Kỳ Thư (Kỳ Anh) với 4 tiêu chí: Trường học, Bưu điện, Hình thức tổ chức sản xuất và An ninh, trật tự xã hội."
        );
        assert_eq!(
            target_standing(Lang::Vi, 2015, 26, 0, 26, 111, 0),
            "Còn 26 xã chưa đạt chuẩn, thiếu tổng cộng 111 tiêu chí."
        );
        assert_eq!(
            province_week(Lang::Vi, None, &scope(229, 82, (21, 33), (0, 0))),
            "Toàn tỉnh có 82 xã báo cáo: 21 xã tăng tổng cộng 33 tiêu chí, 61 xã không tăng tiêu chí nào; không có xã nào giảm tiêu chí; 147 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)."
        );
        assert_eq!(
            province_standing(Lang::Vi, d("2015-08-27"), 229, 27, Some(Dec2(1147))),
            "Đến ngày 27/8/2015, 27 trong số 229 xã có số liệu đã đạt chuẩn nông thôn mới; bình quân 11,47 tiêu chí/xã."
        );
    }

    fn steady(mut s: ScopeSummary, k: u32) -> ScopeSummary {
        s.movement.steady_standard = k;
        s
    }

    #[test]
    fn the_target_week_in_its_zero_one_all_and_all_at_standard_cases() {
        let when = "Trong tuần 21–27/8/2015";
        let week = |t: u32, s: &ScopeSummary| target_week(Lang::Vi, when, 2015, t, s);
        assert_eq!(
            week(26, &scope(26, 0, (0, 0), (0, 0))),
            "Trong tuần 21–27/8/2015, chưa có xã nào trong 26 xã đăng ký về đích năm 2015 báo cáo."
        );
        assert_eq!(
            week(1, &scope(1, 1, (1, 1), (0, 0))),
            "Trong tuần 21–27/8/2015, xã đăng ký về đích năm 2015 đã báo cáo: 1 xã tăng 1 tiêu chí; không có xã nào giảm tiêu chí."
        );
        assert_eq!(
            week(5, &scope(5, 5, (5, 5), (0, 0))),
            "Trong tuần 21–27/8/2015, cả 5 xã đăng ký về đích năm 2015 đều báo cáo: 5 xã, mỗi xã tăng 1 tiêu chí; không có xã nào giảm tiêu chí."
        );
        assert_eq!(
            week(26, &scope(26, 26, (0, 0), (0, 0))),
            "Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015 đều báo cáo: không có xã nào tăng tiêu chí; không có xã nào giảm tiêu chí."
        );
        // Every one of them already meets every criterion: nothing to gain.
        assert_eq!(
            week(26, &steady(scope(26, 26, (0, 0), (0, 0)), 26)),
            "Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015 đều báo cáo: 26 xã đã đạt đủ tiêu chí từ trước nên không tăng; không có xã nào giảm tiêu chí."
        );
        assert_eq!(
            week(26, &steady(scope(26, 26, (0, 0), (0, 0)), 4)),
            "Trong tuần 21–27/8/2015, cả 26 xã đăng ký về đích năm 2015 đều báo cáo: không có xã nào tăng tiêu chí (4 xã đã đạt đủ tiêu chí từ trước); không có xã nào giảm tiêu chí."
        );
    }

    #[test]
    fn the_home_pages_week_splits_no_gain_and_silence() {
        // 229 known, 37 reported: 5 gained 5, 30 already at 19/19, 2 gained none.
        let s = steady(scope(229, 37, (5, 5), (0, 0)), 30);
        assert_eq!(
            province_week(Lang::Vi, None, &s),
            "Toàn tỉnh có 37 xã báo cáo: 5 xã, mỗi xã tăng 1 tiêu chí, 2 xã không tăng tiêu chí nào, 30 xã đã đạt đủ tiêu chí từ trước; không có xã nào giảm tiêu chí; 192 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)."
        );
        assert_eq!(
            target_brief(Lang::Vi, 2017, &steady(scope(3, 3, (0, 0), (0, 0)), 3)),
            "Các xã đăng ký về đích năm 2017: 3 xã đã đạt đủ tiêu chí từ trước nên không tăng; không có xã nào giảm tiêu chí."
        );
        assert_eq!(
            target_brief(Lang::Vi, 2017, &scope(4, 1, (1, 2), (0, 0))),
            "Các xã đăng ký về đích năm 2017: 1 xã tăng 2 tiêu chí; không có xã nào giảm tiêu chí; 3 xã không báo cáo trong kỳ này (giữ số liệu kỳ trước)."
        );
    }

    #[test]
    fn bulletin_sentences_in_zero_and_singular_cases() {
        let long = bulletin_when(
            Lang::Vi,
            Some((d("2011-01-01"), d("2011-06-30"))),
            d("2011-06-30"),
        );
        assert_eq!(long, "Trong kỳ 1/1–30/6/2011");
        assert_eq!(
            bulletin_when(Lang::Vi, None, d("2011-06-30")),
            "Ngày 30/6/2011"
        );
        let w = "Trong tuần 21–27/8/2015";
        // Nobody reported; one of one; some of many; nobody gained; everybody gained.
        assert_eq!(
            target_week(Lang::Vi, w, 2015, 26, &scope(26, 0, (0, 0), (0, 0))),
            "Trong tuần 21–27/8/2015, chưa có xã nào trong 26 xã đăng ký về đích năm 2015 báo cáo."
        );
        assert_eq!(
            target_week(Lang::Vi, w, 2015, 1, &scope(1, 1, (1, 1), (0, 0))),
            "Trong tuần 21–27/8/2015, xã đăng ký về đích năm 2015 đã báo cáo: 1 xã tăng 1 tiêu chí; không có xã nào giảm tiêu chí."
        );
        assert_eq!(
            target_week(Lang::Vi, w, 2015, 26, &scope(26, 24, (0, 0), (1, 2))),
            "Trong tuần 21–27/8/2015, 24/26 xã đăng ký về đích năm 2015 báo cáo: không có xã nào tăng tiêu chí; 1 xã giảm 2 tiêu chí."
        );
        assert_eq!(
            target_week(
                Lang::En,
                "In the week",
                2015,
                1,
                &scope(1, 1, (1, 1), (0, 0))
            ),
            "In the week, the commune registered for 2015 reported: 1 commune gained 1 criterion; no commune lost a criterion."
        );
        assert_eq!(
            province_week(Lang::Vi, Some("Ngày 30/6/2011"), &ScopeSummary::default()),
            "Ngày 30/6/2011, toàn tỉnh không có xã nào báo cáo."
        );
        let mut first = scope(230, 230, (0, 0), (0, 0));
        first.movement.baseline = 230;
        assert_eq!(
            province_week(Lang::Vi, Some("Ngày 30/6/2011"), &first),
            "Ngày 30/6/2011, toàn tỉnh có 230 xã báo cáo: không có xã nào tăng tiêu chí; không có xã nào giảm tiêu chí; 230 xã báo cáo lần đầu."
        );
        // Who gained most: one of several, the only one, a tie, too many to name.
        let one = ["Kỳ Thư (Kỳ Anh)".to_string()];
        assert_eq!(
            top_gainers(Lang::Vi, &one, 1, &["Bưu điện".into()], true).unwrap(),
            "Xã duy nhất tăng tiêu chí là Kỳ Thư (Kỳ Anh) với 1 tiêu chí: Bưu điện."
        );
        let two = ["A (X)".to_string(), "B (Y)".to_string()];
        assert_eq!(
            top_gainers(Lang::Vi, &two, 2, &[], false).unwrap(),
            "Các xã tăng nhiều nhất là A (X) và B (Y), mỗi xã 2 tiêu chí."
        );
        let four: Vec<String> = (0..4).map(|i| format!("X{i}")).collect();
        assert_eq!(top_gainers(Lang::Vi, &four, 1, &[], false), None);
        assert_eq!(top_gainers(Lang::Vi, &[], 0, &[], false), None);
        assert_eq!(
            newly_standard(Lang::Vi, &[]),
            "Không có xã nào mới đạt chuẩn nông thôn mới."
        );
        assert_eq!(
            newly_standard(Lang::Vi, &one),
            "1 xã mới đạt chuẩn nông thôn mới: Kỳ Thư (Kỳ Anh)."
        );
        assert_eq!(
            newly_standard(Lang::En, &one),
            "1 commune newly met the standard: Kỳ Thư (Kỳ Anh)."
        );
        // Standing of the target communes.
        assert_eq!(
            target_standing(Lang::Vi, 2017, 32, 30, 2, 3, 0),
            "Còn 2 xã chưa đạt chuẩn, thiếu tổng cộng 3 tiêu chí; 30 xã đã đạt chuẩn."
        );
        assert_eq!(
            target_standing(Lang::Vi, 2015, 26, 26, 0, 0, 0),
            "Cả 26 xã đăng ký về đích năm 2015 đã đạt chuẩn."
        );
        assert_eq!(
            target_standing(Lang::Vi, 2015, 1, 1, 0, 0, 0),
            "Xã đăng ký về đích năm 2015 đã đạt chuẩn."
        );
        assert_eq!(
            target_standing(Lang::Vi, 2015, 3, 0, 2, 5, 1),
            "Còn 2 xã chưa đạt chuẩn, thiếu tổng cộng 5 tiêu chí; 1 xã chưa có số liệu."
        );
        assert_eq!(
            target_standing(Lang::Vi, 2015, 1, 0, 0, 0, 1),
            "Chưa có xã nào đạt chuẩn; 1 xã chưa có số liệu."
        );
        assert_eq!(
            target_standing(Lang::En, 2015, 3, 1, 1, 1, 1),
            "1 commune still short of the standard, missing 1 criterion in all; 1 at the standard; 1 commune without data."
        );
        assert_eq!(
            province_standing(Lang::Vi, d("2011-06-30"), 0, 0, None),
            "Đến ngày 30/6/2011, chưa có xã nào có số liệu."
        );
        assert_eq!(and_list(Lang::Vi, &["A".into()]), "A");
        assert_eq!(and_list(Lang::En, &two), "A (X) and B (Y)");
    }
}

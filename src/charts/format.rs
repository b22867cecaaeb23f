//! Numbers and dates of the charts in the site's language, computed with
//! integers only: Vietnamese puts a dot between thousands (`5.556`), a
//! decimal comma (`2,7`) and writes `27/8/2015`; English `5,556`, `2.7` and
//! `27 Aug 2015`, in the forms of [`crate::forms`], which the pages write too.

use crate::diag::Lang;
use crate::forms::separators;
pub use crate::forms::{date, int};
use crate::report::decimal::Dec2;

/// An unsigned count in the language's form.
pub fn count<T: Into<u64>>(lang: Lang, n: T) -> String {
    int(lang, n.into() as i64)
}

/// `num / den` rounded half away from zero to `decimals` places, as an
/// integer scaled by 10^decimals; `None` when `den` is 0.
pub fn ratio_scaled(num: i64, den: i64, decimals: u32) -> Option<i64> {
    if den == 0 {
        return None;
    }
    let q = i128::from(num) * 10i128.pow(decimals);
    let d = i128::from(den);
    let (a, b) = (q.abs(), d.abs());
    let r = ((2 * a + b) / (2 * b)) as i64;
    Some(if (q < 0) != (d < 0) { -r } else { r })
}

/// A value scaled by 10^decimals in the language's form: `(27, 1)` → `2,7`
/// (vi), `2.7` (en).
pub fn scaled(lang: Lang, v: i64, decimals: u32) -> String {
    if decimals == 0 {
        return int(lang, v);
    }
    let (_, mark) = separators(lang);
    let p = 10i64.pow(decimals);
    let sign = if v < 0 { "-" } else { "" };
    let a = v.unsigned_abs() as i64;
    format!(
        "{sign}{}{mark}{:0width$}",
        int(lang, a / p),
        a % p,
        width = decimals as usize
    )
}

/// A two-decimal figure with `decimals` (1 or 2) shown: `Dec2(270)` → `2,7`.
pub fn dec(lang: Lang, v: Dec2, decimals: u32) -> String {
    match decimals {
        2 => scaled(lang, v.0, 2),
        _ => scaled(lang, ratio_scaled(v.0, 10, 0).unwrap_or(0), 1),
    }
}

/// The share `num / den` in per cent with one decimal: `33,3%`; `–` when
/// `den` is 0. English: `33.3%`.
pub fn percent(lang: Lang, num: u64, den: u64) -> String {
    match ratio_scaled(num as i64 * 100, den as i64, 1) {
        Some(v) => format!("{}%", scaled(lang, v, 1)),
        None => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    const V: Lang = Lang::Vi;

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(int(V, 5556), "5.556");
        assert_eq!(int(V, 0), "0");
        assert_eq!(int(V, 999), "999");
        assert_eq!(int(V, 1000), "1.000");
        assert_eq!(int(V, -1_234_567), "-1.234.567");
        assert_eq!(scaled(V, 27, 1), "2,7");
        assert_eq!(scaled(V, -5, 1), "-0,5");
        assert_eq!(scaled(V, 123_456, 2), "1.234,56");
        assert_eq!(dec(V, Dec2(270), 1), "2,7");
        assert_eq!(dec(V, Dec2(963), 2), "9,63");
        assert_eq!(dec(V, Dec2(1245), 1), "12,5");
        assert_eq!(percent(V, 1, 3), "33,3%");
        assert_eq!(percent(V, 2, 3), "66,7%");
        assert_eq!(percent(V, 1, 8), "12,5%");
        assert_eq!(percent(V, 0, 0), "–");
        assert_eq!(percent(V, 5, 5), "100,0%");
        assert_eq!(ratio_scaled(1, 8, 2), Some(13));
        assert_eq!(ratio_scaled(-1, 8, 2), Some(-13));
        assert_eq!(date(V, Date::parse_iso("2015-08-27").unwrap()), "27/8/2015");
    }

    #[test]
    fn english_numbers() {
        let e = Lang::En;
        assert_eq!(int(e, -1_234_567), "-1,234,567");
        assert_eq!(scaled(e, 123_456, 2), "1,234.56");
        assert_eq!(dec(e, Dec2(270), 1), "2.7");
        assert_eq!(percent(e, 1, 3), "33.3%");
        assert_eq!(
            date(e, Date::parse_iso("2016-10-28").unwrap()),
            "28 Oct 2016"
        );
    }
}

//! Display forms of numbers and dates in the site's language: Vietnamese
//! `5.556`, `2,70` and `27/8/2015`; English `5,556`, `2.70` and `27 Aug 2015`.
//! The data files keep their own machine forms (see [`super::data`]).

use crate::report::decimal::Dec2;

pub use crate::diag::Lang;
use crate::forms::separators;
pub use crate::forms::{date, int};

/// An exact two-decimal figure with the language's decimal mark: `12,41`.
pub fn dec2(lang: Lang, d: Dec2) -> String {
    let (_, mark) = separators(lang);
    let sign = if d.0 < 0 { "-" } else { "" };
    format!(
        "{sign}{}{mark}{:02}",
        int(lang, d.0.abs() / 100),
        d.0.abs() % 100
    )
}

/// The same figure with one decimal, rounded half away from zero: `2,7`.
pub fn dec1(lang: Lang, d: Dec2) -> String {
    let (_, mark) = separators(lang);
    let tenths = Dec2::ratio(d.0, 1000).map(|t| t.0).unwrap_or(0);
    let sign = if tenths < 0 { "-" } else { "" };
    format!(
        "{sign}{}{mark}{}",
        int(lang, tenths.abs() / 10),
        tenths.abs() % 10
    )
}

/// A share as a whole percentage for bar widths: `37` (of 100), 0 when `of` is 0.
pub fn percent(part: u64, of: u64) -> u64 {
    (part * 100 + of / 2).checked_div(of).unwrap_or(0)
}

/// The first letter in upper case: `huyện` → `Huyện`.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn vietnamese_numbers_and_dates() {
        assert_eq!(int(Lang::Vi, 5556), "5.556");
        assert_eq!(int(Lang::Vi, 1234567), "1.234.567");
        assert_eq!(int(Lang::Vi, 999), "999");
        assert_eq!(int(Lang::Vi, -3036), "-3.036");
        assert_eq!(int(Lang::En, 5556), "5,556");
        assert_eq!(dec2(Lang::Vi, Dec2(1241)), "12,41");
        assert_eq!(dec2(Lang::Vi, Dec2(-20)), "-0,20");
        assert_eq!(dec1(Lang::Vi, Dec2(270)), "2,7");
        assert_eq!(dec1(Lang::Vi, Dec2(-25)), "-0,3");
        assert_eq!(dec2(Lang::En, Dec2(270)), "2.70");
        let d = Date::parse_iso("2015-08-27").unwrap();
        assert_eq!(date(Lang::Vi, d), "27/8/2015");
        assert_eq!(date(Lang::En, d), "27 Aug 2015");
        assert_eq!(capitalise("huyện"), "Huyện");
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(0, 0), 0);
    }
}

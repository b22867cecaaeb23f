//! Suggestions for the usual slips of people who keep the data in
//! spreadsheets: a date pasted as an Excel serial number (`42243`), a year
//! with two digits swapped (`2105`), a commune written by its name ("Xã Thụy
//! Lôi", "THỤY LÔI", "Thụy Lôi (Kim Bảng)") where its id is expected.

use crate::date::Date;
use crate::diag::Message;
use crate::text::{fold, slugify};
use crate::tr;

/// Years a date or a target year of the programme plausibly falls in.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i64> = 2000..=2100;

/// The date an Excel serial day number stands for (`42243` → 2015-08-27),
/// when `text` is such a number for a day in [`PLAUSIBLE_YEARS`].
pub fn excel_serial(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() || t.len() > 6 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let serial: i64 = t.parse().ok()?;
    // Serial 25569 is 1970-01-01 (day 0 of `Date::from_days`); Excel counts
    // from 1899-12-30 for every date after February 1900.
    let d = Date::from_days(serial - 25_569);
    PLAUSIBLE_YEARS.contains(&i64::from(d.year())).then_some(d)
}

/// The hint for a date written as an Excel serial number, empty otherwise.
pub fn serial_date_hint(text: &str) -> Message {
    match excel_serial(text) {
        Some(d) => tr!(
            "; đây có vẻ là số ngày kiểu Excel: hãy viết '{d}' (định dạng ô là Văn bản trước khi dán)",
            "; this looks like an Excel serial day number: write '{d}'"
        ),
        None => Message::default(),
    }
}

/// The year `year` was probably meant to be when two neighbouring digits
/// were swapped (`2105` → 2015), if it lies outside [`PLAUSIBLE_YEARS`] and
/// one swap brings it inside.
pub fn year_typo(year: i64) -> Option<i64> {
    if PLAUSIBLE_YEARS.contains(&year) || !(1000..=9999).contains(&year) {
        return None;
    }
    let digits: Vec<u8> = year.to_string().into_bytes();
    for i in 0..digits.len() - 1 {
        let mut d = digits.clone();
        d.swap(i, i + 1);
        let y: i64 = std::str::from_utf8(&d).ok()?.parse().ok()?;
        if d[0] != b'0' && PLAUSIBLE_YEARS.contains(&y) {
            return Some(y);
        }
    }
    None
}

/// `; did you mean 2015?` for a year typo, empty otherwise.
pub fn year_typo_hint(year: i64) -> Message {
    match year_typo(year) {
        Some(y) => tr!(
            "; có phải là năm {y}? (hai chữ số bị đảo chỗ)",
            "; did you mean {y}?"
        ),
        None => Message::default(),
    }
}

/// A commune as it may be named: its id, its name, and its group's name.
#[derive(Clone, Copy, Debug)]
pub struct Named<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub group_name: &'a str,
}

/// Drops a leading "xã", "phường", "thị trấn" (any case, with or without
/// marks) from folded text.
fn strip_kind(folded: &str) -> &str {
    let t = folded.trim();
    for prefix in ["xa ", "phuong ", "thi tran ", "tt "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    t
}

/// The ids of the communes `wanted` names by its name: diacritics, case and
/// a leading kind ("Xã") ignored; a district in brackets or after a comma or
/// dash ("Thụy Lôi (Kim Bảng)", "Thụy Lôi - Kim Bảng") narrows the choice.
/// Empty when no commune has that name.
pub fn communes_named<'a>(wanted: &str, communes: &[Named<'a>]) -> Vec<&'a str> {
    let folded = fold(wanted);
    let (name_part, district) = match folded.split_once('(') {
        Some((a, b)) => (a, Some(b.trim_end().trim_end_matches(')'))),
        None => match folded.split_once([',', '-']) {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => (a, Some(b)),
            _ => (folded.as_str(), None),
        },
    };
    let name = slugify(strip_kind(name_part));
    if name.is_empty() {
        return Vec::new();
    }
    let district = district.map(|d| {
        let d = d.trim();
        let d = ["huyen ", "thi xa ", "thanh pho ", "tp "]
            .iter()
            .find_map(|p| d.strip_prefix(p))
            .unwrap_or(d);
        slugify(d)
    });
    let by_name: Vec<&Named<'a>> = communes
        .iter()
        .filter(|c| slugify(strip_kind(&fold(c.name))) == name)
        .collect();
    let narrowed: Vec<&'a str> = match &district {
        Some(d) if !d.is_empty() => by_name
            .iter()
            .filter(|c| {
                slugify(strip_kind(&fold(c.group_name))) == *d
                    || c.id
                        .rsplit_once('/')
                        .is_some_and(|(g, _)| g.ends_with(d.as_str()))
            })
            .map(|c| c.id)
            .collect(),
        _ => Vec::new(),
    };
    if !narrowed.is_empty() {
        return narrowed;
    }
    by_name.iter().map(|c| c.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_serial("42243").unwrap().to_string(), "2015-08-27");
        assert_eq!(excel_serial("36526").unwrap().to_string(), "2000-01-01");
        assert!(excel_serial("12").is_none());
        assert!(excel_serial("2015").is_none());
        assert!(excel_serial("4224x").is_none());
    }

    #[test]
    fn year_typos() {
        assert_eq!(year_typo(2105), Some(2015));
        assert_eq!(year_typo(2015), None);
        assert_eq!(year_typo(1999), None);
        assert_eq!(year_typo(2501), Some(2051));
        assert_eq!(year_typo(12), None);
    }

    #[test]
    fn communes_by_name() {
        let c = [
            Named {
                id: "kim-bang/thuy-loi",
                name: "Thụy Lôi",
                group_name: "Kim Bảng",
            },
            Named {
                id: "thanh-liem/thuy-loi",
                name: "Thụy Lôi",
                group_name: "Thanh Liêm",
            },
            Named {
                id: "kim-bang/ba-sao",
                name: "Ba Sao",
                group_name: "Kim Bảng",
            },
        ];
        assert_eq!(
            communes_named("Thụy Lôi (Kim Bảng)", &c),
            vec!["kim-bang/thuy-loi"]
        );
        assert_eq!(
            communes_named("Xã Thụy Lôi, huyện Thanh Liêm", &c),
            vec!["thanh-liem/thuy-loi"]
        );
        assert_eq!(communes_named("THỤY LÔI", &c).len(), 2);
        assert_eq!(communes_named("xã Ba Sao", &c), vec!["kim-bang/ba-sao"]);
        assert!(communes_named("Xã Không Có", &c).is_empty());
    }
}

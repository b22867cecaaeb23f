//! Calendar dates (`YYYY-MM-DD`) as plain values: parsing with helpful hints,
//! day arithmetic, and the Vietnamese display form (`27/8/2015`).

use std::fmt;

/// A proleptic Gregorian calendar date. Ordering is chronological.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date, phrased for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not in `YYYY-MM-DD` form; `suggestion` is the ISO form when
    /// the text reads as day/month/year (`27/8/2015`).
    Form { suggestion: Option<String> },
    /// The form is right but no such day exists (`2015-02-30`).
    NoSuchDay,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date from its parts, if that day exists (years 1..=9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses the ISO form `YYYY-MM-DD`, the only form the content accepts.
    pub fn parse_iso(text: &str) -> Result<Date, DateError> {
        let t = text.trim();
        let b = t.as_bytes();
        let iso_shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if iso_shape {
            let y: i32 = t[0..4].parse().map_err(|_| DateError::NoSuchDay)?;
            let m: u8 = t[5..7].parse().map_err(|_| DateError::NoSuchDay)?;
            let d: u8 = t[8..10].parse().map_err(|_| DateError::NoSuchDay)?;
            return Date::new(y, m, d).ok_or(DateError::NoSuchDay);
        }
        Err(DateError::Form {
            suggestion: Date::parse_dmy(t).map(|d| d.to_string()),
        })
    }

    /// Reads `27/8/2015`, `27.8.2015` or `27-08-2015` as day/month/year.
    fn parse_dmy(t: &str) -> Option<Date> {
        let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        if parts[2].len() != 4 {
            return None;
        }
        let d: u8 = parts[0].parse().ok()?;
        let m: u8 = parts[1].parse().ok()?;
        let y: i32 = parts[2].parse().ok()?;
        Date::new(y, m, d)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// 31 December of `year`.
    pub fn end_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day before this one.
    pub fn pred(self) -> Date {
        Date::from_days(self.to_days() - 1)
    }

    /// Day of the week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// The Vietnamese display form: `27/8/2015` (no leading zeros).
    pub fn vi(self) -> String {
        format!("{}/{}/{}", self.day, self.month, self.year)
    }
}

impl fmt::Display for Date {
    /// The ISO form used in data files and URLs: `2015-08-27`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_arithmetic() {
        let d = Date::parse_iso("2016-03-01").unwrap();
        assert_eq!(d.pred().to_string(), "2016-02-29");
        assert_eq!(
            Date::parse_iso("2015-01-01").unwrap().pred().to_string(),
            "2014-12-31"
        );
        for days in [-1000, 0, 16_000, 20_000, 40_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::parse_iso("2015-08-28").unwrap().weekday(), 4);
        assert_eq!(d.vi(), "1/3/2016");
    }

    #[test]
    fn bad_dates_say_why() {
        assert_eq!(Date::parse_iso("2015-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(
            Date::parse_iso("27/8/2015"),
            Err(DateError::Form {
                suggestion: Some("2015-08-27".into())
            })
        );
        assert_eq!(
            Date::parse_iso("hôm qua"),
            Err(DateError::Form { suggestion: None })
        );
    }
}

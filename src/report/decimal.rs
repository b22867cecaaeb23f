//! Exact two-decimal figures: a mean computed from its integer sum and count
//! and rounded half away from zero, never through binary floating point
//! (in which 77/8 = 9.625 may print 9.62).

use std::fmt;

/// A number with exactly two decimals, stored as hundredths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dec2(pub i64);

impl Dec2 {
    /// `num / den` rounded half away from zero to two decimals; `None` when `den` is 0.
    pub fn ratio(num: i64, den: i64) -> Option<Dec2> {
        if den == 0 {
            return None;
        }
        let q = i128::from(num) * 100;
        let d = i128::from(den);
        let (a, b) = (q.abs(), d.abs());
        let r = (2 * a + b) / (2 * b);
        let negative = (q < 0) != (d < 0);
        Some(Dec2(if negative { -(r as i64) } else { r as i64 }))
    }

    /// The value for JSON (shortest float printing of hundredths / 100).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Dec2 {
    /// `9.63`, `2.70`, `-0.20`: the form of the data files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{:02}", self.0.abs() / 100, self.0.abs() % 100)
    }
}

impl serde::Serialize for Dec2 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_exactly() {
        assert_eq!(Dec2::ratio(77, 8).unwrap().to_string(), "9.63");
        assert_eq!(Dec2::ratio(-1, 5).unwrap().to_string(), "-0.20");
        assert_eq!(Dec2::ratio(-1, 8).unwrap().to_string(), "-0.13");
        assert_eq!(Dec2::ratio(1, 8).unwrap().to_string(), "0.13");
        assert_eq!(Dec2::ratio(-1, 1000).unwrap().to_string(), "0.00");
        assert_eq!(Dec2::ratio(0, 3).unwrap().to_string(), "0.00");
        assert_eq!(Dec2::ratio(27, 10).unwrap().to_string(), "2.70");
        assert_eq!(Dec2::ratio(5, 0), None);
        assert_eq!(Dec2::ratio(31, 2).unwrap().to_f64(), 15.5);
    }
}

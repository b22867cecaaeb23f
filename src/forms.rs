//! Numbers and dates as a reader writes them, in the site's language: the
//! one home of the forms the pages ([`crate::render::format`]) and the
//! charts ([`crate::charts::format`]) both write. Vietnamese puts a dot
//! between thousands (`5.556`), a decimal comma and `27/8/2015`; English
//! `5,556`, a decimal point and `27 Aug 2015`.

use crate::date::Date;
use crate::diag::Lang;

/// The thousands separator and the decimal mark of `lang`.
pub fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// An integer with thousands grouped: `5.556` (vi), `5,556` (en).
pub fn int(lang: Lang, n: i64) -> String {
    let (thousands, _) = separators(lang);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(ch);
    }
    out
}

/// A date for reading: `27/8/2015` (vi), `27 Aug 2015` (en).
pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Vi => d.vi(),
        Lang::En => {
            const M: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            format!("{} {} {}", d.day(), M[usize::from(d.month()) - 1], d.year())
        }
    }
}

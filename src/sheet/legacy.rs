//! Legacy Vietnamese encodings of old CSV files: TCVN3 (ABC, TCVN 5712:1993
//! VN3) and VNI Windows, detected and turned into Unicode (NFC).
//!
//! The tables are written from the published layouts of both encodings:
//! - TCVN3 is one byte per letter: the ASCII letters as they are, the base
//!   letters with a mark (ă â ê ô ơ ư đ and their capitals without a tone)
//!   at 0xA1–0xAE and the lowercase toned vowels at 0xB5–0xFE. Capitals with
//!   a tone do not exist in VN3 (the ABC fonts drew them with a capital-only
//!   font over the lowercase codes), so they come back lowercase.
//! - VNI Windows writes a letter as its ASCII base followed by one byte for
//!   its marks, read as Windows-1252: `ù ø û õ ï` the five tones (acute,
//!   grave, hook, tilde, dot below), `â` a circumflex, `ê` a breve, and
//!   `á à å ã ä` / `é è ú ü ë` a circumflex / breve with a tone; `ô ö` are
//!   ơ ư, `ñ` is đ, and `í ì æ ó ò î` are í ì ỉ ĩ ị ỵ. Capitals use the
//!   capital forms of the same bytes.

use unicode_normalization::UnicodeNormalization;

/// The encoding a text file was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI Windows",
        }
    }
}

/// TCVN3 bytes 0xA1..=0xFE; `\0` where the byte is not a letter.
const TCVN3_HIGH: [char; 94] = [
    // 0xA1..=0xAE
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', // 0xAF..=0xB4
    '\0', '\0', '\0', '\0', '\0', '\0',
    // 0xB5..=0xB9: a with tones; 0xBA unused; 0xBB..=0xBE ă
    'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ', // 0xBF..=0xC5 unused; 0xC6 ặ
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', 'ặ',
    // 0xC7..=0xCB â; 0xCC è; 0xCD unused; 0xCE..=0xD1 e
    'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ', 'ẽ', 'é', 'ẹ', // 0xD2..=0xD6 ê
    'ề', 'ể', 'ễ', 'ế', 'ệ', // 0xD7, 0xD8 i; 0xD9..=0xDB unused; 0xDC..=0xDE i
    'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị', // 0xDF o; 0xE0 unused; 0xE1..=0xE4 o
    'ò', '\0', 'ỏ', 'õ', 'ó', 'ọ', // 0xE5..=0xE9 ô; 0xEA..=0xEE ơ
    'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ',
    // 0xEF u; 0xF0 unused; 0xF1..=0xF4 u
    'ù', '\0', 'ủ', 'ũ', 'ú', 'ụ', // 0xF5..=0xF9 ư; 0xFA..=0xFE y
    'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ',
];

/// Decodes TCVN3 bytes; a byte that is no letter of it is kept as the
/// Windows-1252 character (counted as unknown by [`detect`]).
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        out.push(tcvn3_char(b).unwrap_or_else(|| cp1252(b)));
    }
    out
}

fn tcvn3_char(b: u8) -> Option<char> {
    if b < 0x80 {
        return Some(b as char);
    }
    if (0xA1..=0xFE).contains(&b) {
        let c = TCVN3_HIGH[(b - 0xA1) as usize];
        return (c != '\0').then_some(c);
    }
    None
}

/// Windows-1252 (with Latin-1 for the bytes it leaves undefined).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRC: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31B}';

/// The marks a VNI byte after a vowel stands for (lowercase form).
fn vni_marks(c: char) -> Option<&'static [char]> {
    Some(match c.to_lowercase().next()? {
        'ù' => &[ACUTE],
        'ø' => &[GRAVE],
        'û' => &[HOOK],
        'õ' => &[TILDE],
        'ï' => &[DOT],
        'â' => &[CIRC],
        'á' => &[CIRC, ACUTE],
        'à' => &[CIRC, GRAVE],
        'å' => &[CIRC, HOOK],
        'ã' => &[CIRC, TILDE],
        'ä' => &[CIRC, DOT],
        'ê' => &[BREVE],
        'é' => &[BREVE, ACUTE],
        'è' => &[BREVE, GRAVE],
        'ú' => &[BREVE, HOOK],
        'ü' => &[BREVE, TILDE],
        'ë' => &[BREVE, DOT],
        _ => return None,
    })
}

/// Decodes VNI Windows bytes.
pub fn decode_vni(bytes: &[u8]) -> String {
    let chars: Vec<char> = bytes.iter().map(|&b| cp1252(b)).collect();
    let mut out = String::with_capacity(bytes.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let upper = c.is_uppercase();
        // Letters that are one byte in VNI.
        let (base, mut marks): (Option<char>, Vec<char>) = match c {
            'ô' | 'Ô' => (Some(if upper { 'O' } else { 'o' }), vec![HORN]),
            'ö' | 'Ö' => (Some(if upper { 'U' } else { 'u' }), vec![HORN]),
            'ñ' => (Some('đ'), vec![]),
            'Ñ' => (Some('Đ'), vec![]),
            'í' | 'Í' => (Some(if upper { 'I' } else { 'i' }), vec![ACUTE]),
            'ì' | 'Ì' => (Some(if upper { 'I' } else { 'i' }), vec![GRAVE]),
            'æ' | 'Æ' => (Some(if upper { 'I' } else { 'i' }), vec![HOOK]),
            'ó' | 'Ó' => (Some(if upper { 'I' } else { 'i' }), vec![TILDE]),
            'ò' | 'Ò' => (Some(if upper { 'I' } else { 'i' }), vec![DOT]),
            'î' | 'Î' => (Some(if upper { 'Y' } else { 'y' }), vec![DOT]),
            _ => (None, vec![]),
        };
        let base = match base {
            Some(b) => b,
            None => {
                out.push(c);
                i += 1;
                // A vowel may be followed by its marks.
                if matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'o' | 'u' | 'y')
                    && let Some(next) = chars.get(i)
                    && let Some(m) = vni_marks(*next)
                {
                    let lower = c.to_ascii_lowercase();
                    let breve_ok = lower == 'a';
                    let circ_ok = matches!(lower, 'a' | 'e' | 'o');
                    let ok = m.iter().all(|&x| match x {
                        BREVE => breve_ok,
                        CIRC => circ_ok,
                        _ => true,
                    });
                    if ok {
                        out.extend(m.iter());
                        i += 1;
                    }
                }
                continue;
            }
        };
        out.push(base);
        i += 1;
        if marks.contains(&HORN)
            && let Some(next) = chars.get(i)
            && let Some(m) = vni_marks(*next)
            && m.len() == 1
            && ![CIRC, BREVE].contains(&m[0])
        {
            marks.push(m[0]);
            i += 1;
        }
        out.extend(marks);
    }
    out.nfc().collect()
}

/// How Vietnamese a decoded text looks: letters of Vietnamese with a mark
/// count for it, characters that are no Vietnamese letter against it.
fn score(text: &str) -> i64 {
    let mut s = 0i64;
    // 'a' or 'e' without a mark is never followed by a vowel with one in a
    // Vietnamese syllable ("ai", "ao", "eo" carry the mark on the first
    // vowel), while VNI read as TCVN3 gives such pairs everywhere ("Baựo").
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(2) {
        if matches!(w[0], 'a' | 'e' | 'A' | 'E') && !w[1].is_ascii() && is_vietnamese_letter(w[1]) {
            s -= 3;
        }
    }
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        let folded = crate::text::fold(&c.to_string());
        let vietnamese = folded.len() == 1
            && folded.chars().all(|f| f.is_ascii_alphabetic())
            && is_vietnamese_letter(c);
        s += if vietnamese { 1 } else { -3 };
    }
    s
}

/// Whether `c` is one of the 134 letters with marks of Vietnamese.
fn is_vietnamese_letter(c: char) -> bool {
    let lower: String = c.to_lowercase().collect();
    let mut base = String::new();
    let mut marks = Vec::new();
    for d in lower.nfd() {
        if unicode_normalization::char::is_combining_mark(d) {
            marks.push(d);
        } else {
            base.push(d);
        }
    }
    if base == "đ" {
        return marks.is_empty();
    }
    let tones = [ACUTE, GRAVE, HOOK, TILDE, DOT];
    let shape: Vec<char> = marks
        .iter()
        .copied()
        .filter(|m| !tones.contains(m))
        .collect();
    let tone_count = marks.len() - shape.len();
    if tone_count > 1 || shape.len() > 1 {
        return false;
    }
    match (base.as_str(), shape.first()) {
        ("a" | "e" | "i" | "o" | "u" | "y", None) => tone_count == 1,
        ("a", Some(&CIRC | &BREVE)) | ("e" | "o", Some(&CIRC)) | ("o" | "u", Some(&HORN)) => true,
        _ => false,
    }
}

/// Reads a text file's bytes: UTF-8 (with or without a byte-order mark) as
/// it is; otherwise the legacy encoding whose decoding looks most like
/// Vietnamese.
pub fn detect(bytes: &[u8]) -> (String, Encoding) {
    if let Ok(t) = std::str::from_utf8(bytes) {
        let t = t.strip_prefix('\u{feff}').unwrap_or(t);
        return (t.nfc().collect(), Encoding::Utf8);
    }
    let tcvn = decode_tcvn3(bytes);
    let vni = decode_vni(bytes);
    if score(&vni) > score(&tcvn) {
        (vni, Encoding::Vni)
    } else {
        (tcvn.nfc().collect(), Encoding::Tcvn3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// TCVN3 bytes of "Xã Kỳ Thư, Đạt, Tiêu chí, Hương Khê, Thạch Hà".
    fn tcvn3_sample() -> Vec<u8> {
        let mut v = Vec::new();
        v.extend(
            b"X\xb7 K\xfa Th\xad, \xa7\xb9t, Ti\xaau ch\xdd, H\xad\xacng Kh\xaa, Th\xb9ch H\xb5",
        );
        v
    }

    #[test]
    fn tcvn3_decodes_names() {
        assert_eq!(
            decode_tcvn3(&tcvn3_sample()),
            "Xã Kỳ Thư, Đạt, Tiêu chí, Hương Khê, Thạch Hà"
        );
        let (text, enc) = detect(&tcvn3_sample());
        assert_eq!(enc, Encoding::Tcvn3);
        assert_eq!(text, "Xã Kỳ Thư, Đạt, Tiêu chí, Hương Khê, Thạch Hà");
    }

    /// VNI bytes of "Xã Kỳ Thư, Đạt, Tiêu chí, Hương Khê, Thạch Hà, Cẩm Xuyên, Lộc Hà".
    fn vni_sample() -> Vec<u8> {
        b"Xa\xf5 Ky\xf8 Th\xf6, \xd1a\xeft, Tie\xe2u ch\xed, H\xf6\xf4ng Khe\xe2, Tha\xefch Ha\xf8, Ca\xe5m Xuye\xe2n, Lo\xe4c Ha\xf8"
            .to_vec()
    }

    #[test]
    fn vni_decodes_names() {
        let (text, enc) = detect(&vni_sample());
        assert_eq!(enc, Encoding::Vni);
        assert_eq!(
            text,
            "Xã Kỳ Thư, Đạt, Tiêu chí, Hương Khê, Thạch Hà, Cẩm Xuyên, Lộc Hà"
        );
    }

    #[test]
    fn vni_capitals_and_single_byte_letters() {
        // "THẠCH HÀ", "Ỵ", "ị", "Ơ".
        assert_eq!(decode_vni(b"THA\xcfCH HA\xd8"), "THẠCH HÀ");
        assert_eq!(decode_vni(b"\xce \xf2 \xd4"), "Ỵ ị Ơ");
        assert_eq!(decode_vni(b"\xf6\xf9"), "ứ");
    }

    #[test]
    fn utf8_is_kept() {
        let (t, e) = detect("\u{feff}Kỳ Thư".as_bytes());
        assert_eq!((t.as_str(), e), ("Kỳ Thư", Encoding::Utf8));
    }
}

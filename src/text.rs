//! Vietnamese text: NFC normalisation of whole files, folding to ASCII for
//! slugs and diacritic-insensitive matching, Vietnamese collation for sorting
//! names, and "did you mean" suggestions.

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Prepares the raw bytes of a content file: UTF-8 check, byte-order mark
/// removed, CRLF (and lone CR) turned into LF, and NFC normalisation, so that
/// "Kỳ Thư" typed precomposed or decomposed is the same text.
pub fn normalise_file(bytes: &[u8]) -> Result<String, std::str::Utf8Error> {
    let text = std::str::from_utf8(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Ok(nfc(&text))
}

/// For the lines whose NFC form differs from the text as stored (decomposed
/// Vietnamese), the stored column of each normalised column, so that
/// positions are reported as the file holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMap {
    /// Line (1-based) → for each normalised column (index 0 = column 1), the stored column.
    lines: std::collections::BTreeMap<u32, Vec<u32>>,
}

impl ColumnMap {
    /// The stored position of a position in the normalised text.
    pub fn original(&self, pos: crate::diag::Pos) -> crate::diag::Pos {
        match self.lines.get(&pos.line) {
            Some(cols) if pos.col >= 1 => {
                let i = (pos.col - 1) as usize;
                let col = match cols.get(i) {
                    Some(&c) => c,
                    // Past the end of the line: keep the distance from its end.
                    None => cols.last().copied().unwrap_or(0) + (i + 1 - cols.len()) as u32,
                };
                crate::diag::Pos::new(pos.line, col)
            }
            _ => pos,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Like [`normalise_file`], with the map from normalised to stored columns.
pub fn normalise_file_mapped(bytes: &[u8]) -> Result<(String, ColumnMap), std::str::Utf8Error> {
    let text = std::str::from_utf8(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.is_ascii() || unicode_normalization::is_nfc(&text) {
        return Ok((text, ColumnMap::default()));
    }
    let mut out = String::with_capacity(text.len());
    let mut map = ColumnMap::default();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if unicode_normalization::is_nfc(line) {
            out.push_str(line);
            continue;
        }
        let normal: String = line.nfc().collect();
        // Map segment by segment: a starter with the marks that follow it.
        let mut cols = Vec::new();
        let mut seg = String::new();
        let mut seg_start = 1u32;
        let mut stored = 0u32;
        let flush = |seg: &mut String, seg_start: u32, cols: &mut Vec<u32>| {
            let n: Vec<char> = seg.nfc().collect();
            let len = seg.chars().count() as u32;
            for k in 0..n.len() as u32 {
                cols.push(seg_start + k.min(len.saturating_sub(1)));
            }
            seg.clear();
        };
        for c in line.chars() {
            stored += 1;
            if unicode_normalization::char::canonical_combining_class(c) == 0 && !seg.is_empty() {
                flush(&mut seg, seg_start, &mut cols);
                seg_start = stored;
            }
            if seg.is_empty() {
                seg_start = stored;
            }
            seg.push(c);
        }
        if !seg.is_empty() {
            flush(&mut seg, seg_start, &mut cols);
        }
        if cols.len() == normal.chars().count() {
            map.lines.insert(i as u32 + 1, cols);
        }
        out.push_str(&normal);
    }
    Ok((out, map))
}

/// NFC form of `text` (borrow-free fast path when already NFC and ASCII).
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// Folds Vietnamese text to lowercase ASCII: tone and vowel marks dropped,
/// `đ`/`Đ` to `d`. Used for slugs, search and fuzzy matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The slug for a name: folded to ASCII, runs of anything but `a-z0-9`
/// become one `-`, no `-` at either end. `Kỳ Thư.yaml` stem gives `ky-thu`.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// Whether `text` is a valid slug: non-empty, only `a-z`, `0-9` and `-`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The closest candidate to `wanted` within two edits, comparing folded
/// text (diacritics and case ignored). Ties go to the first candidate in the
/// order given. For ids with `/`, a candidate whose last segment equals the
/// wanted text also matches (`ky-thu` suggests `ky-anh/ky-thu`).
pub fn closest<'a, I>(wanted: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let w = fold(wanted);
    let mut best: Option<(usize, &'a str)> = None;
    for cand in candidates {
        let c = fold(cand);
        let mut d = strsim::levenshtein(&w, &c);
        if !w.contains('/')
            && let Some(last) = c.rsplit('/').next()
            && c.contains('/')
        {
            d = d.min(strsim::levenshtein(&w, last));
        }
        if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Rank of a base letter in the Vietnamese alphabet
/// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), other
/// characters after the letters in code point order.
fn letter_rank(base: char, modifier: Option<char>) -> u32 {
    const ORDER: &[(char, Option<char>)] = &[
        ('a', None),
        ('a', Some('\u{306}')),
        ('a', Some('\u{302}')),
        ('b', None),
        ('c', None),
        ('d', None),
        ('đ', None),
        ('e', None),
        ('e', Some('\u{302}')),
        ('f', None),
        ('g', None),
        ('h', None),
        ('i', None),
        ('j', None),
        ('k', None),
        ('l', None),
        ('m', None),
        ('n', None),
        ('o', None),
        ('o', Some('\u{302}')),
        ('o', Some('\u{31b}')),
        ('p', None),
        ('q', None),
        ('r', None),
        ('s', None),
        ('t', None),
        ('u', None),
        ('u', Some('\u{31b}')),
        ('v', None),
        ('w', None),
        ('x', None),
        ('y', None),
        ('z', None),
    ];
    if base.is_ascii_digit() {
        return base as u32 - '0' as u32;
    }
    match ORDER.iter().position(|&(b, m)| b == base && m == modifier) {
        Some(i) => 10 + i as u32,
        None => 100 + base as u32,
    }
}

fn tone_rank(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1), // huyền
        '\u{309}' => Some(2), // hỏi
        '\u{303}' => Some(3), // ngã
        '\u{301}' => Some(4), // sắc
        '\u{323}' => Some(5), // nặng
        _ => None,
    }
}

/// A sort key giving Vietnamese dictionary order: letters first
/// (a ă â b c d đ e ê …), then tones (none, huyền, hỏi, ngã, sắc, nặng),
/// then case. Compare keys with `Ord`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct CollationKey {
    letters: Vec<u32>,
    tones: Vec<u8>,
    case: Vec<u8>,
}

/// The collation key of a name.
pub fn collation_key(text: &str) -> CollationKey {
    let mut key = CollationKey {
        letters: Vec::new(),
        tones: Vec::new(),
        case: Vec::new(),
    };
    for ch in text.chars() {
        let lower: char = ch.to_lowercase().next().unwrap_or(ch);
        let mut decomposed = std::iter::once(lower).nfd();
        let base = decomposed.next().unwrap_or(lower);
        let mut modifier = None;
        let mut tone = 0;
        for m in decomposed {
            if let Some(t) = tone_rank(m) {
                tone = t;
            } else if modifier.is_none() {
                modifier = Some(m);
            }
        }
        if base.is_whitespace() || base == '-' {
            key.letters.push(0);
        } else {
            key.letters.push(letter_rank(base, modifier));
        }
        key.tones.push(tone);
        key.case.push(u8::from(ch != lower));
    }
    key
}

/// Compares two names in Vietnamese dictionary order.
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    collation_key(a).cmp(&collation_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_and_bom_and_crlf_become_one_text() {
        let nfd = "\u{feff}name: Ye\u{302}n Ho\u{302}\u{300}\r\n";
        assert_eq!(normalise_file(nfd.as_bytes()).unwrap(), "name: Yên Hồ\n");
    }

    #[test]
    fn columns_of_decomposed_lines_are_the_stored_ones() {
        use crate::diag::Pos;
        // "Kỳ" stored as K, y, combining grave, combining... here: y + U+0300.
        let stored = "a: 1\nname: Ky\u{300} Thu\u{31b}, x: [\n";
        let (text, map) = normalise_file_mapped(stored.as_bytes()).unwrap();
        assert_eq!(text, "a: 1\nname: Kỳ Thư, x: [\n");
        // "x" is column 15 in the normalised line, 17 as stored.
        assert_eq!(text.lines().nth(1).unwrap().chars().nth(14), Some('x'));
        assert_eq!(map.original(Pos::new(2, 15)), Pos::new(2, 17));
        assert_eq!(map.original(Pos::new(1, 3)), Pos::new(1, 3));
        assert_eq!(map.original(Pos::new(2, 7)), Pos::new(2, 7));
    }

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slugify("Kỳ Thư"), "ky-thu");
        assert_eq!(slugify("Đồng Lộc"), "dong-loc");
        assert_eq!(slugify("  Thị xã  Hồng Lĩnh!"), "thi-xa-hong-linh");
        assert!(is_slug("ky-thu-2"));
        assert!(!is_slug("Ky_thu"));
    }

    #[test]
    fn suggestions_within_two_edits() {
        let ids = ["ky-anh/ky-thu", "ky-anh/ky-tan", "duc-tho/yen-ho"];
        assert_eq!(closest("ky-anh/ky-thuu", ids), Some("ky-anh/ky-thu"));
        assert_eq!(closest("ky-thu", ids), Some("ky-anh/ky-thu"));
        assert_eq!(closest("xyz", ids), None);
        assert_eq!(
            closest("Populaton", ["population", "name"]),
            Some("population")
        );
    }

    #[test]
    fn vietnamese_collation() {
        let mut names = vec![
            "Đức Thọ",
            "Ân Phú",
            "Dương Thủy",
            "An Lộc",
            "Ăn Khê",
            "Bắc Sơn",
            "Ê Đê",
        ];
        names.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "An Lộc",
                "Ăn Khê",
                "Ân Phú",
                "Bắc Sơn",
                "Dương Thủy",
                "Đức Thọ",
                "Ê Đê"
            ]
        );
        let mut tones = vec!["má", "mạ", "ma", "mà", "mã", "mả"];
        tones.sort_by(|a, b| vi_cmp(a, b));
        assert_eq!(tones, vec!["ma", "mà", "mả", "mã", "má", "mạ"]);
        assert_eq!(vi_cmp("Kỳ Thư", "Kỳ Tân"), Ordering::Greater);
    }
}

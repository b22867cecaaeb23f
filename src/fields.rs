//! Typed reading of YAML values with clear errors: mappings with known keys
//! (unknown keys get the closest known one), text, whole numbers, decimals,
//! dates and booleans, each failure reported at the value's own position with
//! a hint for the usual spreadsheet slips (`28,4`, `9.120`, `27/8/2015`).

use crate::date::{Date, DateError};
use crate::diag::{Diagnostics, Message, Pos, Unknown, did_you_mean, one_of};
use crate::text::closest;
use crate::tr;
use crate::yaml::{Key, Kind, Node};

/// Where values are read from: the file (relative path) and the collector.
pub struct Cx<'a> {
    pub file: &'a str,
    pub diags: &'a mut Diagnostics,
}

impl Cx<'_> {
    pub fn error(&mut self, pos: Pos, message: impl Into<Message>) {
        self.diags.error(self.file, pos, message);
    }
    pub fn warning(&mut self, pos: Pos, message: impl Into<Message>) {
        self.diags.warning(self.file, pos, message);
    }
    /// An error about a reference to a commune or a set that does not exist.
    pub fn error_unknown(&mut self, pos: Pos, message: Message, unknown: Unknown) {
        self.diags.error_unknown(self.file, pos, message, unknown);
    }
}

/// What a value is, named in messages: a key as the file spells it
/// (`population`, the same in both languages: a `&str` converts to this), or
/// a description in both languages (`tr!("số tiêu chí", "a criterion number")`).
#[derive(Clone, Debug)]
pub struct What(Message);

impl What {
    /// The name in both languages.
    pub fn message(&self) -> &Message {
        &self.0
    }
}

/// A key as written in the program (`population`, `site.yaml`): never a
/// description, which needs both languages (`tr!`). A key has no space, so a
/// description written as a plain string is caught by the tests.
impl From<&'static str> for What {
    fn from(key: &'static str) -> What {
        debug_assert!(
            !key.contains(' '),
            "'{key}' is a description, not a key: write it with tr!"
        );
        What(Message::same(key))
    }
}

impl From<&String> for What {
    fn from(key: &String) -> What {
        What(Message::same(key.as_str()))
    }
}

impl From<Message> for What {
    fn from(m: Message) -> What {
        What(m)
    }
}

impl From<&What> for What {
    fn from(w: &What) -> What {
        w.clone()
    }
}

/// The suggestion part of an unknown-name message: `; did you mean 'x'?`
/// when a candidate is within two edits, otherwise the allowed list.
pub fn suggest_key(wanted: &str, allowed: &[&str]) -> Message {
    match closest(wanted, allowed.iter().copied()) {
        Some(c) => did_you_mean(c),
        None => {
            let Message { vi, en } = one_of(allowed);
            tr!("; các mục dùng được là {vi}", "; allowed keys are {en}")
        }
    }
}

/// `; did you mean 'x'?` for the closest of `allowed`, otherwise `; use 'a',
/// 'b' or 'c'`: the hint after an unknown value of a fixed list.
pub fn suggest_value(wanted: &str, allowed: &[&str]) -> Message {
    match closest(wanted, allowed.iter().copied()) {
        Some(c) => did_you_mean(c),
        None => {
            let Message { vi, en } = one_of(allowed);
            tr!("; hãy dùng {vi}", "; use {en}")
        }
    }
}

/// A mapping whose keys are checked against a fixed list.
pub struct MapReader<'n> {
    pub pos: Pos,
    entries: &'n [(Key, Node)],
}

impl<'n> MapReader<'n> {
    /// Reads `node` as a mapping of the `allowed` keys; `what` names it in
    /// messages ("a commune"). Unknown keys are reported here.
    pub fn new(
        node: &'n Node,
        what: impl Into<What>,
        allowed: &[&str],
        cx: &mut Cx,
    ) -> Option<MapReader<'n>> {
        let what = what.into();
        let Message { vi: wv, en: we } = what.message().clone();
        let entries: &'n [(Key, Node)] = match &node.kind {
            Kind::Map(e) => e,
            Kind::Null => &[],
            _ => {
                let Message { vi: kv, en: ke } = one_of(allowed);
                let Message { vi: sv, en: se } = node.shape();
                cx.error(
                    node.pos,
                    tr!(
                        "{wv} phải được viết thành các dòng 'mục: giá trị' ({kv}), không phải {sv}",
                        "{we} must be a mapping of keys ({ke}), not {se}"
                    ),
                );
                return None;
            }
        };
        for (k, _) in entries {
            if !allowed.contains(&k.text.as_str()) {
                let key = &k.text;
                cx.error(
                    k.pos,
                    tr!(
                        "mục '{key}' không dùng được cho {wv}",
                        "unknown key '{key}' in {we}"
                    )
                    .then(suggest_key(key, allowed)),
                );
            }
        }
        Some(MapReader {
            pos: node.pos,
            entries,
        })
    }

    /// The value of `key`, if given and not empty.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// The position of `key` itself, if present (even with an empty value).
    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.entries
            .iter()
            .find(|(k, _)| k.text == key)
            .map(|(k, _)| k.pos)
    }

    /// The value of `key`, or an error saying it is required.
    pub fn required(&self, key: &str, what: impl Into<What>, cx: &mut Cx) -> Option<&'n Node> {
        let v = self.get(key);
        if v.is_none() {
            let Message { vi: wv, en: we } = what.into().0;
            let at = self.key_pos(key).unwrap_or(self.pos);
            cx.error(
                at,
                tr!(
                    "{wv} cần có mục '{key}', nhưng mục này bị thiếu hoặc để trống",
                    "{we} needs '{key}', which is missing or empty"
                ),
            );
        }
        v
    }
}

/// Text of a scalar value.
pub fn text(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Option<String> {
    match &node.kind {
        Kind::Scalar { text, .. } => {
            let n = text.chars().count();
            let max = crate::limits::MAX_TEXT_CHARS;
            if n > max {
                let (en_n, vi_n) = crate::limits::thousands(n);
                let (en_m, vi_m) = crate::limits::thousands(max);
                let Message { vi: wv, en: we } = what.into().0;
                cx.error(
                    node.pos,
                    tr!(
                        "{wv} dài {vi_n} ký tự, quá giới hạn {vi_m} ký tự; hãy rút gọn",
                        "{we} is {en_n} characters long, over the limit of {en_m}; shorten it"
                    ),
                );
                return None;
            }
            Some(text.trim().to_string())
        }
        _ => {
            let Message { vi: wv, en: we } = what.into().0;
            let Message { vi: sv, en: se } = node.shape();
            cx.error(
                node.pos,
                tr!(
                    "{wv} phải là chữ, không phải {sv}",
                    "{we} must be text, not {se}"
                ),
            );
            None
        }
    }
}

/// Hint for a number typed the spreadsheet way.
fn number_hint(raw: &str, whole: bool) -> Message {
    let t = raw.trim();
    let digits_sep = |sep: char| {
        let parts: Vec<&str> = t.split(sep).collect();
        parts.len() > 1
            && !parts[0].is_empty()
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if whole && digits_sep('.') && t.split('.').skip(1).all(|p| p.len() == 3) {
        let v = t.replace('.', "");
        return tr!(
            "; hãy viết '{v}', không có dấu chấm phân cách hàng nghìn",
            "; write '{v}' without the thousands dot"
        );
    }
    if whole && digits_sep(',') && t.split(',').skip(1).all(|p| p.len() == 3) {
        let v = t.replace(',', "");
        return tr!(
            "; hãy viết '{v}', không có dấu phân cách hàng nghìn",
            "; write '{v}' without the thousands separator"
        );
    }
    if !whole && digits_sep(',') && t.matches(',').count() == 1 {
        let v = t.replace(',', ".");
        return tr!(
            "; phần thập phân viết sau dấu chấm: '{v}'",
            "; use a decimal point: '{v}'"
        );
    }
    if whole && (digits_sep(',') || digits_sep('.')) {
        return tr!(
            "; số nguyên không có phần thập phân",
            "; a whole number has no decimal part"
        );
    }
    Message::default()
}

/// A whole number `>= 0`.
pub fn uint(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Option<u64> {
    let Message { vi: wv, en: we } = what.into().0;
    let Kind::Scalar { text, .. } = &node.kind else {
        let Message { vi: sv, en: se } = node.shape();
        cx.error(
            node.pos,
            tr!(
                "{wv} phải là một số nguyên, không phải {sv}",
                "{we} must be a whole number, not {se}"
            ),
        );
        return None;
    };
    let t = text.trim();
    let t2 = t.strip_prefix('+').unwrap_or(t);
    if !t2.is_empty() && t2.bytes().all(|b| b.is_ascii_digit()) {
        return match t2.parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                cx.error(
                    node.pos,
                    tr!("{wv} '{t}' quá lớn", "{we} '{t}' is too large"),
                );
                None
            }
        };
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        cx.error(
            node.pos,
            tr!(
                "{wv} không được là số âm: '{t}'",
                "{we} must not be negative: '{t}'"
            ),
        );
        return None;
    }
    cx.error(
        node.pos,
        tr!(
            "{wv} phải là một số nguyên, không phải '{t}'",
            "{we} must be a whole number, not '{t}'"
        )
        .then(number_hint(t, true)),
    );
    None
}

/// A whole number within `range`.
pub fn uint_in(node: &Node, what: impl Into<What>, lo: u64, hi: u64, cx: &mut Cx) -> Option<u64> {
    let what = what.into();
    let v = uint(node, &what, cx)?;
    if v < lo || v > hi {
        let Message { vi: wv, en: we } = what.0;
        cx.error(
            node.pos,
            tr!(
                "{wv} phải nằm trong khoảng từ {lo} đến {hi}, không phải {v}",
                "{we} must be between {lo} and {hi}, not {v}"
            ),
        );
        return None;
    }
    Some(v)
}

/// A decimal number (`28.4`).
pub fn decimal(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Option<f64> {
    let Message { vi: wv, en: we } = what.into().0;
    let Kind::Scalar { text, .. } = &node.kind else {
        let Message { vi: sv, en: se } = node.shape();
        cx.error(
            node.pos,
            tr!(
                "{wv} phải là một số, không phải {sv}",
                "{we} must be a number, not {se}"
            ),
        );
        return None;
    };
    let t = text.trim();
    let looks_numeric = !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && looks_numeric => Some(v),
        _ => {
            cx.error(
                node.pos,
                tr!(
                    "{wv} phải là một số, không phải '{t}'",
                    "{we} must be a number, not '{t}'"
                )
                .then(number_hint(t, false)),
            );
            None
        }
    }
}

/// A date written `YYYY-MM-DD`.
pub fn date(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Option<Date> {
    let Message { vi: wv, en: we } = what.into().0;
    let Kind::Scalar { text, .. } = &node.kind else {
        let Message { vi: sv, en: se } = node.shape();
        cx.error(
            node.pos,
            tr!(
                "{wv} phải là một ngày viết theo dạng YYYY-MM-DD (năm-tháng-ngày), không phải {sv}",
                "{we} must be a date YYYY-MM-DD, not {se}"
            ),
        );
        return None;
    };
    let t = text.trim();
    match Date::parse_iso(text) {
        Ok(d) => {
            if let Some(y) = crate::hints::year_typo(i64::from(d.year())) {
                let year = d.year();
                cx.warning(
                    node.pos,
                    tr!(
                        "{wv} '{t}': năm {year} có vẻ bị gõ nhầm; có phải là năm {y}? (hai chữ số bị đảo chỗ)",
                        "{we} '{t}': the year {year} looks mistyped; did you mean {y}?"
                    ),
                );
            }
            Some(d)
        }
        Err(DateError::NoSuchDay) => {
            cx.error(
                node.pos,
                tr!(
                    "{wv} '{t}' không phải là một ngày có trong lịch",
                    "{we} '{t}' is not a day of the calendar"
                ),
            );
            None
        }
        Err(DateError::Form { suggestion }) => {
            let hint = match suggestion {
                Some(s) => tr!("; hãy viết '{s}'", "; write '{s}'"),
                None => crate::hints::serial_date_hint(t),
            };
            cx.error(
                node.pos,
                tr!(
                    "{wv} '{t}' phải được viết theo dạng YYYY-MM-DD (năm-tháng-ngày)",
                    "{we} '{t}' must be written YYYY-MM-DD"
                )
                .then(hint),
            );
            None
        }
    }
}

/// `true` or `false`.
pub fn boolean(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Option<bool> {
    match &node.kind {
        Kind::Scalar { text, plain: true } if matches!(text.as_str(), "true" | "True" | "TRUE") => {
            Some(true)
        }
        Kind::Scalar { text, plain: true }
            if matches!(text.as_str(), "false" | "False" | "FALSE") =>
        {
            Some(false)
        }
        _ => {
            let Message { vi: wv, en: we } = what.into().0;
            cx.error(
                node.pos,
                tr!(
                    "{wv} phải là true (có) hoặc false (không)",
                    "{we} must be true or false"
                ),
            );
            None
        }
    }
}

/// A list of values (a single value is accepted as a list of one).
pub fn list<'n>(node: &'n Node, what: impl Into<What>, cx: &mut Cx) -> Option<Vec<&'n Node>> {
    match &node.kind {
        Kind::Seq(items) if items.len() > crate::limits::MAX_LIST_ITEMS => {
            let (en_n, vi_n) = crate::limits::thousands(items.len());
            let (en_m, vi_m) = crate::limits::thousands(crate::limits::MAX_LIST_ITEMS);
            let Message { vi: wv, en: we } = what.into().0;
            cx.error(
                node.pos,
                tr!(
                    "{wv} có {vi_n} mục, quá giới hạn {vi_m} mục; hãy kiểm tra lại danh sách",
                    "{we} has {en_n} entries, over the limit of {en_m}; check the list"
                ),
            );
            None
        }
        Kind::Seq(items) => Some(items.iter().collect()),
        Kind::Scalar { .. } => Some(vec![node]),
        _ => {
            let Message { vi: wv, en: we } = what.into().0;
            let Message { vi: sv, en: se } = node.shape();
            cx.error(
                node.pos,
                tr!(
                    "{wv} phải là một danh sách, không phải {sv}",
                    "{we} must be a list, not {se}"
                ),
            );
            None
        }
    }
}

/// A list of text values, empty entries skipped.
pub fn text_list(node: &Node, what: impl Into<What>, cx: &mut Cx) -> Vec<String> {
    let what = what.into();
    let mut out = Vec::new();
    for item in list(node, &what, cx).unwrap_or_default() {
        if item.is_null() {
            continue;
        }
        if let Some(t) = text(item, &what, cx)
            && !t.is_empty()
        {
            out.push(t);
        }
    }
    out
}

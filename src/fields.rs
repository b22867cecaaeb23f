//! Typed reading of YAML values with clear errors: mappings with known keys
//! (unknown keys get the closest known one), text, whole numbers, decimals,
//! dates and booleans, each failure reported at the value's own position with
//! a hint for the usual spreadsheet slips (`28,4`, `9.120`, `27/8/2015`).

use crate::date::{Date, DateError};
use crate::diag::{Diagnostics, Message, Pos, one_of};
use crate::text::closest;
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
}

/// The suggestion part of an unknown-name message: `; did you mean 'x'?`
/// when a candidate is within two edits, otherwise the allowed list.
pub fn suggest_key(wanted: &str, allowed: &[&str]) -> String {
    match closest(wanted, allowed.iter().copied()) {
        Some(c) => format!("; did you mean '{c}'?"),
        None => format!("; allowed keys are {}", one_of(allowed)),
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
    pub fn new(node: &'n Node, what: &str, allowed: &[&str], cx: &mut Cx) -> Option<MapReader<'n>> {
        let entries: &'n [(Key, Node)] = match &node.kind {
            Kind::Map(e) => e,
            Kind::Null => &[],
            _ => {
                cx.error(
                    node.pos,
                    format!(
                        "{what} must be a mapping of keys ({}), not {}",
                        one_of(allowed),
                        node.shape()
                    ),
                );
                return None;
            }
        };
        for (k, _) in entries {
            if !allowed.contains(&k.text.as_str()) {
                cx.error(
                    k.pos,
                    format!(
                        "unknown key '{}' in {what}{}",
                        k.text,
                        suggest_key(&k.text, allowed)
                    ),
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
    pub fn required(&self, key: &str, what: &str, cx: &mut Cx) -> Option<&'n Node> {
        let v = self.get(key);
        if v.is_none() {
            let at = self.key_pos(key).unwrap_or(self.pos);
            cx.error(
                at,
                format!("{what} needs '{key}', which is missing or empty"),
            );
        }
        v
    }
}

/// Text of a scalar value.
pub fn text(node: &Node, what: &str, cx: &mut Cx) -> Option<String> {
    match &node.kind {
        Kind::Scalar { text, .. } => {
            let n = text.chars().count();
            let max = crate::limits::MAX_TEXT_CHARS;
            if n > max {
                let (en_n, vi_n) = crate::limits::thousands(n);
                let (en_m, vi_m) = crate::limits::thousands(max);
                cx.error(
                    node.pos,
                    crate::tr!(
                        "{what} dài {vi_n} ký tự, quá giới hạn {vi_m} ký tự; hãy rút gọn",
                        "{what} is {en_n} characters long, over the limit of {en_m}; shorten it"
                    ),
                );
                return None;
            }
            Some(text.trim().to_string())
        }
        _ => {
            cx.error(
                node.pos,
                format!("{what} must be text, not {}", node.shape()),
            );
            None
        }
    }
}

/// Hint for a number typed the spreadsheet way.
fn number_hint(raw: &str, whole: bool) -> String {
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
        return format!("; write '{}' without the thousands dot", t.replace('.', ""));
    }
    if whole && digits_sep(',') && t.split(',').skip(1).all(|p| p.len() == 3) {
        return format!(
            "; write '{}' without the thousands separator",
            t.replace(',', "")
        );
    }
    if !whole && digits_sep(',') && t.matches(',').count() == 1 {
        return format!("; use a decimal point: '{}'", t.replace(',', "."));
    }
    if whole && (digits_sep(',') || digits_sep('.')) {
        return "; a whole number has no decimal part".to_string();
    }
    String::new()
}

/// A whole number `>= 0`.
pub fn uint(node: &Node, what: &str, cx: &mut Cx) -> Option<u64> {
    let Kind::Scalar { text, .. } = &node.kind else {
        cx.error(
            node.pos,
            format!("{what} must be a whole number, not {}", node.shape()),
        );
        return None;
    };
    let t = text.trim();
    let t2 = t.strip_prefix('+').unwrap_or(t);
    if !t2.is_empty() && t2.bytes().all(|b| b.is_ascii_digit()) {
        return match t2.parse::<u64>() {
            Ok(v) => Some(v),
            Err(_) => {
                cx.error(node.pos, format!("{what} '{t}' is too large"));
                None
            }
        };
    }
    if let Some(rest) = t.strip_prefix('-')
        && !rest.is_empty()
        && rest.bytes().all(|b| b.is_ascii_digit())
    {
        cx.error(node.pos, format!("{what} must not be negative: '{t}'"));
        return None;
    }
    cx.error(
        node.pos,
        format!(
            "{what} must be a whole number, not '{t}'{}",
            number_hint(t, true)
        ),
    );
    None
}

/// A whole number within `range`.
pub fn uint_in(node: &Node, what: &str, lo: u64, hi: u64, cx: &mut Cx) -> Option<u64> {
    let v = uint(node, what, cx)?;
    if v < lo || v > hi {
        cx.error(
            node.pos,
            format!("{what} must be between {lo} and {hi}, not {v}"),
        );
        return None;
    }
    Some(v)
}

/// A decimal number (`28.4`).
pub fn decimal(node: &Node, what: &str, cx: &mut Cx) -> Option<f64> {
    let Kind::Scalar { text, .. } = &node.kind else {
        cx.error(
            node.pos,
            format!("{what} must be a number, not {}", node.shape()),
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
                format!(
                    "{what} must be a number, not '{t}'{}",
                    number_hint(t, false)
                ),
            );
            None
        }
    }
}

/// A date written `YYYY-MM-DD`.
pub fn date(node: &Node, what: &str, cx: &mut Cx) -> Option<Date> {
    let Kind::Scalar { text, .. } = &node.kind else {
        cx.error(
            node.pos,
            format!("{what} must be a date YYYY-MM-DD, not {}", node.shape()),
        );
        return None;
    };
    match Date::parse_iso(text) {
        Ok(d) => Some(d),
        Err(DateError::NoSuchDay) => {
            cx.error(
                node.pos,
                format!("{what} '{}' is not a day of the calendar", text.trim()),
            );
            None
        }
        Err(DateError::Form { suggestion }) => {
            let hint = match suggestion {
                Some(s) => format!("; write '{s}'"),
                None => String::new(),
            };
            cx.error(
                node.pos,
                format!("{what} '{}' must be written YYYY-MM-DD{hint}", text.trim()),
            );
            None
        }
    }
}

/// `true` or `false`.
pub fn boolean(node: &Node, what: &str, cx: &mut Cx) -> Option<bool> {
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
            cx.error(node.pos, format!("{what} must be true or false"));
            None
        }
    }
}

/// A list of values (a single value is accepted as a list of one).
pub fn list<'n>(node: &'n Node, what: &str, cx: &mut Cx) -> Option<Vec<&'n Node>> {
    match &node.kind {
        Kind::Seq(items) if items.len() > crate::limits::MAX_LIST_ITEMS => {
            let (en_n, vi_n) = crate::limits::thousands(items.len());
            let (en_m, vi_m) = crate::limits::thousands(crate::limits::MAX_LIST_ITEMS);
            cx.error(
                node.pos,
                crate::tr!(
                    "{what} có {vi_n} mục, quá giới hạn {vi_m} mục; hãy kiểm tra lại danh sách",
                    "{what} has {en_n} entries, over the limit of {en_m}; check the list"
                ),
            );
            None
        }
        Kind::Seq(items) => Some(items.iter().collect()),
        Kind::Scalar { .. } => Some(vec![node]),
        _ => {
            cx.error(
                node.pos,
                format!("{what} must be a list, not {}", node.shape()),
            );
            None
        }
    }
}

/// A list of text values, empty entries skipped.
pub fn text_list(node: &Node, what: &str, cx: &mut Cx) -> Vec<String> {
    let mut out = Vec::new();
    for item in list(node, what, cx).unwrap_or_default() {
        if item.is_null() {
            continue;
        }
        if let Some(t) = text(item, what, cx)
            && !t.is_empty()
        {
            out.push(t);
        }
    }
    out
}

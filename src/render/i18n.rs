//! Every word of the site's own, in one file per language:
//! `themes/default/i18n/vi.yaml` and `en.yaml` (`site.language: en`),
//! compiled into the binary, each a mapping `key: "text"`. Templates read
//! them as `t.<key>`; the renderers and the charts through [`Strings::get`].
//! A site replaces any of them with `theme/i18n/<lang>.yaml` in its content
//! folder (read by the loader with [`read_overrides`] into
//! [`Content::words`]). A key missing from English falls back to the
//! Vietnamese text.

use super::format::Lang;
use crate::diag::{Diagnostics, Pos};
use crate::model::Content;
use crate::tr;
use crate::yaml::{Kind, Node};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The default words in Vietnamese, the table's order and its keys.
pub const VI_YAML: &str = include_str!("../../themes/default/i18n/vi.yaml");
/// The default words in English.
pub const EN_YAML: &str = include_str!("../../themes/default/i18n/en.yaml");

/// The default words of both languages, parsed once.
struct Table {
    /// `(key, Vietnamese)` in the order of `vi.yaml`.
    vi: Vec<(String, String)>,
    /// The row of each key in `vi`.
    index: HashMap<String, usize>,
    /// The English text of each key `en.yaml` gives.
    en: HashMap<String, String>,
}

/// The `key: "text"` rows of one of the theme's own files. The files are
/// part of the program: a fault in them is a fault of the program, which
/// the unit tests catch.
fn rows_of(text: &str, file: &str) -> Vec<(String, String)> {
    let mut diags = Diagnostics::new();
    let node = crate::yaml::parse(text, file, &mut diags);
    assert!(!diags.has_errors(), "{file}: {diags:?}");
    match node.map(|n| n.kind) {
        Some(Kind::Map(entries)) => entries
            .into_iter()
            .map(|(k, v)| match v.kind {
                Kind::Scalar { text, .. } => (k.text, text),
                _ => panic!("{file}: '{}' is not text", k.text),
            })
            .collect(),
        _ => panic!("{file} is not a mapping"),
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let vi = rows_of(VI_YAML, "themes/default/i18n/vi.yaml");
        let index = vi
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        let en = rows_of(EN_YAML, "themes/default/i18n/en.yaml")
            .into_iter()
            .collect();
        Table { vi, index, en }
    })
}

/// Every key of the default words, in the order of `vi.yaml`.
pub fn keys() -> impl Iterator<Item = &'static str> {
    table().vi.iter().map(|(k, _)| k.as_str())
}

/// The strings of one language, with a site's own words (from
/// `theme/i18n/<lang>.yaml`) over the defaults.
#[derive(Debug)]
pub struct Strings<'a> {
    lang: Lang,
    words: Option<&'a BTreeMap<String, String>>,
}

impl Strings<'static> {
    /// The default words of `lang`.
    pub fn for_lang(lang: Lang) -> Strings<'static> {
        Strings { lang, words: None }
    }
}

impl<'a> Strings<'a> {
    /// The words of the site: its language, its overrides.
    pub fn of(content: &'a Content) -> Strings<'a> {
        Strings {
            lang: Lang::from_code(&content.site.language),
            words: Some(&content.words),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key`, if the table has it.
    pub fn try_get(&self, key: &str) -> Option<&'a str> {
        if let Some(w) = self.words.and_then(|w| w.get(key)) {
            return Some(w.as_str());
        }
        let t = table();
        let row = &t.vi[*t.index.get(key)?];
        Some(match self.lang {
            Lang::Vi => row.1.as_str(),
            Lang::En => {
                t.en.get(key)
                    .filter(|e| !e.is_empty())
                    .map_or(row.1.as_str(), String::as_str)
            }
        })
    }

    /// The text of `key`; empty when missing (a test keeps the table
    /// complete).
    pub fn get(&self, key: &str) -> &'a str {
        match self.try_get(key) {
            Some(s) => s,
            None => {
                debug_assert!(false, "no string '{key}'");
                ""
            }
        }
    }

    /// The text of `key` with each `{name}` of `args` filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// [`Strings::fill`] for a sentence about `n` things: the key
    /// `<key>_one` when `n` is 1 and the table has it (English "1
    /// commune", "1 criterion"), else `key`.
    pub fn fill_n(&self, key: &str, n: u64, args: &[(&str, &str)]) -> String {
        let one = format!("{key}_one");
        match self.try_get(&one) {
            Some(text) if n == 1 => fill(text, args),
            _ => self.fill(key, args),
        }
    }

    /// The whole table as the template variable `t`.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        for (k, _) in &table().vi {
            m.insert(k.clone(), Value::String(self.get(k).to_string()));
        }
        Value::Object(m)
    }
}

/// `text` with each `{name}` of `args` replaced by its value, in one pass
/// (a value's own braces are left alone); other braces stay as they are.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let hit = after.find('}').and_then(|j| {
            let name = &after[..j];
            args.iter().find(|(n, _)| *n == name).map(|(_, v)| (j, *v))
        });
        match hit {
            Some((j, v)) => {
                out.push_str(v);
                rest = &after[j + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads a site's own words, `theme/i18n/<lang>.yaml` at `file`: a mapping
/// of keys of the default table to text. A key the table lacks is a warning
/// naming the closest key (and the row is left out); a value that is not
/// text is an error at its place.
pub fn read_overrides(
    node: &Node,
    file: &str,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let entries = match &node.kind {
        Kind::Null => return out,
        Kind::Map(entries) => entries,
        _ => {
            diags.error(
                file,
                node.pos,
                tr!(
                    "tệp chữ của giao diện phải là các dòng 'khóa: \"chữ\"' (ví dụ: nav_home: \"Trang đầu\"), không phải {}; hãy viết lại theo mẫu trong docs/theme.md",
                    "a theme's words file must be lines of 'key: \"text\"' (for example: nav_home: \"Home page\"), not {}; rewrite it as docs/theme.md shows",
                    node.shape()
                ),
            );
            return out;
        }
    };
    let t = table();
    for (key, value) in entries {
        let k = key.text.as_str();
        if !t.index.contains_key(k) {
            let msg = match crate::text::closest(k, keys()) {
                Some(c) => tr!(
                    "giao diện không có chữ nào có khóa '{k}', nên dòng này bị bỏ qua; có phải ý bạn là '{c}'?",
                    "the theme has no word with the key '{k}', so this line is ignored; did you mean '{c}'?"
                ),
                None => tr!(
                    "giao diện không có chữ nào có khóa '{k}', nên dòng này bị bỏ qua; các khóa có thể thay nằm trong themes/default/i18n/vi.yaml của kho mã",
                    "the theme has no word with the key '{k}', so this line is ignored; the keys you can override are in themes/default/i18n/vi.yaml of the repository"
                ),
            };
            diags.warning(file, key.pos, msg);
            continue;
        }
        match &value.kind {
            Kind::Scalar { text, .. } => {
                out.insert(k.to_string(), text.clone());
            }
            _ => diags.error(
                file,
                if value.pos == Pos::NONE {
                    key.pos
                } else {
                    value.pos
                },
                tr!(
                    "chữ của khóa '{k}' phải là một đoạn chữ trong ngoặc kép (ví dụ: {k}: \"...\"), không phải {}; hãy sửa dòng này",
                    "the text of '{k}' must be text in quotes (for example: {k}: \"...\"), not {}; correct this line",
                    value.shape()
                ),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_and_both_languages_filled() {
        let vi = rows_of(VI_YAML, "vi.yaml");
        let en = rows_of(EN_YAML, "en.yaml");
        let mut seen = HashSet::new();
        for (k, text) in &vi {
            assert!(seen.insert(k.as_str()), "key {k} twice");
            assert!(!text.is_empty(), "{k} is empty in vi.yaml");
        }
        let mut seen_en = HashSet::new();
        for (k, text) in &en {
            assert!(seen_en.insert(k.as_str()), "key {k} twice in en.yaml");
            assert!(
                seen.contains(k.as_str()),
                "en.yaml has '{k}', vi.yaml does not"
            );
            assert!(!text.is_empty(), "{k} is empty in en.yaml");
        }
        for k in &seen {
            assert!(seen_en.contains(k), "en.yaml lacks '{k}'");
        }
    }

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(
            fill(
                "Ngày {date}, {n} xã",
                &[("date", "27/8/2015"), ("n", "{date}")]
            ),
            "Ngày 27/8/2015, {date} xã"
        );
        assert_eq!(fill("{a} {unknown} {", &[("a", "x")]), "x {unknown} {");
    }

    #[test]
    fn a_sites_words_override_the_defaults_and_unknown_keys_are_warned() {
        let mut diags = Diagnostics::new();
        let text = "nav_home: \"Trang đầu\"\nnav_hom: \"x\"\nnav_news: [1]\n";
        let node = crate::yaml::parse(text, "theme/i18n/vi.yaml", &mut diags).unwrap();
        let words = read_overrides(&node, "theme/i18n/vi.yaml", &mut diags);
        assert_eq!(words.len(), 1);
        assert_eq!(diags.warning_count(), 1);
        assert_eq!(diags.error_count(), 1);
        let s = Strings {
            lang: Lang::Vi,
            words: Some(&words),
        };
        assert_eq!(s.get("nav_home"), "Trang đầu");
        assert_eq!(s.get("nav_news"), "Tin tức");
        assert_eq!(Strings::for_lang(Lang::En).get("nav_news"), "News");
    }

    #[test]
    fn every_key_a_template_uses_is_in_the_table() {
        for (name, text) in super::super::theme::DEFAULT_TEMPLATES {
            let mut rest = *text;
            while let Some(i) = rest.find("t.") {
                let before = rest[..i].chars().last();
                let after = &rest[i + 2..];
                let key: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                let boundary =
                    before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'));
                if boundary && !key.is_empty() {
                    assert!(
                        table().index.contains_key(&key),
                        "{name} uses t.{key}, which the table lacks"
                    );
                }
                rest = after;
            }
        }
    }
}

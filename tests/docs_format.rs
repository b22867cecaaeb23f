//! `docs/content-format.md` and the loader cannot drift apart: every key the
//! loader accepts (the `const …: &[&str]` lists of `src/load/` and the lists
//! passed inline to `MapReader::new`), every measure, level, model kind and
//! status, every band and production indicator, and every column and key of
//! the worked examples' data files must appear in the document as `` `key` ``.
//!
//! The keys are read from the loader's source text, so a key added to the
//! loader and not documented fails this test without anyone listing it here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    std::fs::read_to_string(repo().join("docs/content-format.md"))
        .expect("docs/content-format.md exists")
}

/// Every `*.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable source folder") {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The end (exclusive) of the string literal starting at `i` (`"…"`,
/// `r"…"`, `r#"…"#`), or `None` when none starts there.
fn literal_end(b: &[u8], i: usize) -> Option<usize> {
    if b[i] == b'"' {
        let mut j = i + 1;
        while j < b.len() {
            match b[j] {
                b'\\' => j += 2,
                b'"' => return Some(j + 1),
                _ => j += 1,
            }
        }
        return Some(b.len());
    }
    let raw_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    if b[i] == b'r' && raw_start {
        let mut j = i + 1;
        let mut hashes = 0;
        while j < b.len() && b[j] == b'#' {
            hashes += 1;
            j += 1;
        }
        if j < b.len() && b[j] == b'"' {
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let from = j + 1;
            return Some(
                b[from..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map(|p| from + p + close.len())
                    .unwrap_or(b.len()),
            );
        }
    }
    None
}

/// The end (exclusive) of the string or char literal starting at `i`.
fn skip_literal(src: &str, i: usize) -> Option<usize> {
    let b = src.as_bytes();
    if let Some(end) = literal_end(b, i) {
        return Some(end);
    }
    if b[i] != b'\'' {
        return None;
    }
    // A char literal ('"', '\'', '\u{…}') or a lifetime ('a: not a literal).
    if b.get(i + 1) == Some(&b'\\') {
        return b[i + 2..]
            .iter()
            .position(|&c| c == b'\'')
            .map(|p| i + 3 + p);
    }
    let ch = src[i + 1..].chars().next().map_or(1, char::len_utf8);
    (b.get(i + 1 + ch) == Some(&b'\'')).then_some(i + 2 + ch)
}

/// Where `needle` occurs in code, outside string and char literals.
fn code_finds(src: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        if let Some(end) = skip_literal(src, i) {
            i = end;
        } else {
            if src[i..].starts_with(needle) {
                out.push(i);
            }
            i += src[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The source with comments replaced by spaces; string and char literals kept.
fn strip_comments(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = skip_literal(src, i) {
            out.extend_from_slice(&b[i..end]);
            i = end;
        } else if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                out.push(b' ');
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                    i += 1;
                }
            }
        } else {
            let ch = src[i..].chars().next().map_or(1, char::len_utf8);
            out.extend_from_slice(&b[i..i + ch]);
            i += ch;
        }
    }
    String::from_utf8(out).expect("comments are replaced whole, so the text stays UTF-8")
}

/// The value of every string literal in `s` (escapes `\"` and `\\` undone).
fn string_literals(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match literal_end(b, i) {
            Some(end) => {
                let lit = &s[i..end];
                let body = if lit.starts_with('"') {
                    lit[1..lit.len() - 1]
                        .replace("\\\"", "\"")
                        .replace("\\\\", "\\")
                } else {
                    let t = lit.trim_start_matches('r').trim_matches('#');
                    t[1..t.len() - 1].to_string()
                };
                out.push(body);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The index just past the bracket closing the one at `open`, skipping literals.
fn close_of(s: &str, open: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        if let Some(end) = skip_literal(s, i) {
            i = end;
            continue;
        }
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Every `const NAME: &[&str] = &[…]` (or `[&str; N] = […]`, or `static`)
/// in `src`: its name and words.
fn const_lists(src: &str) -> Vec<(String, Vec<String>)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    for kw in ["const ", "static "] {
        for at in code_finds(src, kw) {
            let from = at + kw.len();
            if at > 0 && is_ident_byte(b[at - 1]) {
                continue;
            }
            let rest = &src[from..];
            let name_len = rest.bytes().take_while(|&c| is_ident_byte(c)).count();
            let name = &rest[..name_len];
            let after = rest[name_len..].trim_start();
            let Some(ty_and_value) = after.strip_prefix(':') else {
                continue;
            };
            let Some(eq) = ty_and_value.find('=') else {
                continue;
            };
            let ty: String = ty_and_value[..eq].split_whitespace().collect();
            if !(ty.starts_with("&[&str]") || ty.starts_with("[&str;")) {
                continue;
            }
            let value_at = src.len() - ty_and_value.len() + eq + 1;
            let Some(open) = src[value_at..].find('[').map(|q| value_at + q) else {
                continue;
            };
            if !src[value_at..open]
                .trim()
                .trim_start_matches('&')
                .is_empty()
            {
                continue;
            }
            let Some(close) = close_of(src, open) else {
                continue;
            };
            out.push((name.to_string(), string_literals(&src[open..close])));
        }
    }
    out
}

/// The `allowed` argument of a `MapReader::new(node, what, allowed, cx)` call.
#[derive(Debug)]
enum Allowed {
    Inline(Vec<String>),
    Named(String),
}

/// The top-level arguments of the call whose `(` is at `open`.
fn call_args(src: &str, open: usize) -> Vec<String> {
    let Some(close) = close_of(src, open) else {
        return Vec::new();
    };
    let inner = &src[open + 1..close - 1];
    let b = inner.as_bytes();
    let mut args = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = skip_literal(inner, i) {
            i = end;
            continue;
        }
        match b[i] {
            b'(' | b'[' | b'{' => {
                i = close_of(inner, i).unwrap_or(b.len());
                continue;
            }
            b',' => {
                args.push(inner[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if !inner[start..].trim().is_empty() {
        args.push(inner[start..].trim().to_string());
    }
    args
}

fn map_reader_calls(src: &str) -> Vec<Allowed> {
    let mut out = Vec::new();
    for p in code_finds(src, "MapReader::new") {
        let at = p + "MapReader::new".len();
        let Some(open) = src[at..]
            .find(|c: char| !c.is_whitespace())
            .map(|q| at + q)
            .filter(|&o| src.as_bytes()[o] == b'(')
        else {
            continue;
        };
        let args = call_args(src, open);
        let Some(allowed) = args.get(2) else {
            out.push(Allowed::Named(format!(
                "<a call with {} arguments>",
                args.len()
            )));
            continue;
        };
        if allowed.starts_with("&[") {
            out.push(Allowed::Inline(string_literals(allowed)));
        } else {
            out.push(Allowed::Named(allowed.trim_start_matches('&').to_string()));
        }
    }
    out
}

/// What the loader accepts, by where it was found (`src/load/communes.rs COMMUNE_KEYS`).
struct Accepted {
    lists: Vec<(String, Vec<String>)>,
    calls: usize,
    inline: usize,
}

fn loader_words(sources: &[(String, String)]) -> Accepted {
    let mut lists = Vec::new();
    let mut consts: Vec<(String, String)> = Vec::new();
    let mut named: Vec<(String, String)> = Vec::new();
    let (mut calls, mut inline) = (0, 0);
    for (file, text) in sources {
        let src = strip_comments(text);
        for (name, words) in const_lists(&src) {
            consts.push((file.clone(), name.clone()));
            lists.push((format!("{file} {name}"), words));
        }
        for call in map_reader_calls(&src) {
            calls += 1;
            match call {
                Allowed::Inline(words) => {
                    inline += 1;
                    lists.push((format!("{file} MapReader::new(…, &[…])"), words));
                }
                Allowed::Named(n) => named.push((file.clone(), n)),
            }
        }
    }
    // A list reaching MapReader::new some other way (a `let`, a function)
    // would escape the extraction: the test must be taught about it.
    for (file, n) in named {
        let last = n.rsplit("::").next().unwrap_or(&n);
        let found = consts
            .iter()
            .any(|(f, c)| c == last && (f == &file || n.contains("::")));
        assert!(
            found,
            "{file}: MapReader::new takes its keys from '{n}', which is not a `const …: &[&str]` \
             list or an inline `&[…]`; declare the keys as a const list so that tests/docs_format.rs \
             can check they are documented"
        );
    }
    Accepted {
        lists,
        calls,
        inline,
    }
}

fn load_sources() -> Vec<(String, String)> {
    let root = repo();
    rust_files(&root.join("src/load"))
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// `(where, word)` for every word of `lists` not written as `` `word` `` in `doc`.
fn undocumented(doc: &str, lists: &[(String, Vec<String>)]) -> Vec<String> {
    let mut missing = BTreeSet::new();
    for (source, words) in lists {
        for w in words {
            if !doc.contains(&format!("`{w}`")) {
                missing.insert(format!("`{w}` ({source})"));
            }
        }
    }
    missing.into_iter().collect()
}

#[test]
fn every_key_the_loader_accepts_is_documented() {
    let acc = loader_words(&load_sources());
    let words: BTreeSet<&str> = acc
        .lists
        .iter()
        .flat_map(|(_, w)| w.iter().map(String::as_str))
        .collect();
    // The extraction must have found the loader's lists, not silently nothing.
    assert!(
        acc.lists.len() >= 15,
        "only {} key lists found",
        acc.lists.len()
    );
    assert!(
        acc.calls >= 14,
        "only {} MapReader::new calls found",
        acc.calls
    );
    assert!(
        acc.inline >= 1,
        "no inline key list found (location's lat, lon)"
    );
    assert!(
        words.len() >= 50,
        "only {} distinct words found",
        words.len()
    );
    for w in [
        "title",
        "base_url",
        "valid_from",
        "department",
        "population",
        "officers",
        "until",
        "decision",
        "lat",
        "lon",
        "criteria_set",
        "production_models",
        "cooperatives",
        "deadline",
        "measure",
        "draft",
        "photos",
        "caption",
        "credit",
        "advanced",
        "residential",
        "garden",
        "building",
        "recognized",
    ] {
        assert!(words.contains(w), "the extraction missed '{w}'");
    }
    let missing = undocumented(&doc(), &acc.lists);
    assert!(
        missing.is_empty(),
        "docs/content-format.md does not document these keys the loader accepts \
         (write each as `key`, with its type, whether it is required and an example):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn measures_bands_and_indicators_are_documented() {
    let lists: Vec<(String, Vec<String>)> = vec![
        (
            "Measure::ALL".to_string(),
            ntm_site::model::Measure::ALL
                .iter()
                .map(|(s, _)| s.to_string())
                .collect(),
        ),
        (
            "BAND_KEYS".to_string(),
            ntm_site::report::timeline::BAND_KEYS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        (
            "INDICATOR_KEYS".to_string(),
            ntm_site::model::INDICATOR_KEYS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        ("Status::as_str".to_string(), {
            use ntm_site::report::targets::Status;
            [Status::Achieved, Status::Missed, Status::Open]
                .iter()
                .map(|s| s.as_str().to_string())
                .collect()
        }),
    ];
    assert_eq!(lists[0].1.len(), 4);
    let missing = undocumented(&doc(), &lists);
    assert!(
        missing.is_empty(),
        "docs/content-format.md misses:\n  {}",
        missing.join("\n  ")
    );
}

/// The header of a CSV file (byte-order mark dropped).
fn csv_header(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    first.split(',').map(|s| s.trim().to_string()).collect()
}

fn json_keys(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                json_keys(x, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_keys(x, out)),
        _ => {}
    }
}

#[test]
fn every_column_of_the_data_files_is_documented() {
    let mut lists = Vec::new();
    for ex in ["example", "example-2026"] {
        let dir = repo().join("tests/fixtures").join(ex).join("expected");
        for name in [
            "communes.csv",
            "changes.csv",
            "criteria.csv",
            "targets.csv",
            "years.csv",
        ] {
            let cols = csv_header(&dir.join(name));
            assert!(cols.len() >= 6, "{ex}/{name}: header not read");
            lists.push((format!("{ex}/expected/{name}"), cols));
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap())
                .unwrap();
        let mut keys = BTreeSet::new();
        json_keys(&json, &mut keys);
        assert!(keys.len() >= 20, "{ex}/summary.json: keys not read");
        lists.push((
            format!("{ex}/expected/summary.json"),
            keys.into_iter().collect(),
        ));
    }
    let missing = undocumented(&doc(), &lists);
    assert!(
        missing.is_empty(),
        "docs/content-format.md does not describe these columns and keys:\n  {}",
        missing.join("\n  ")
    );
}

/// The check itself can fail: a key list added to a loader file, inline or
/// as a const, is found, and a word the document lacks is reported.
#[test]
fn a_new_undocumented_key_is_caught() {
    let src = r#"
        // const OLD_KEYS: &[&str] = &["commented_out"];
        const NEW_KEYS: &[&str] = &[
            "alpha", // a comment with "quotes"
            "beta",
        ];
        pub(crate) const FIXED: [&str; 2] = ["gamma", "delta"];
        const NOT_A_LIST: usize = 3;
        fn f() {
            let s = "const FAKE_KEYS: &[&str] = &[\"no\"];";
            let c = '"';
            let m = MapReader::new(node, "a thing", NEW_KEYS, cx)?;
            let n = MapReader::new(
                node,
                "x, (y)",
                &["epsilon", "zeta"],
                cx,
            )?;
        }
    "#;
    let acc = loader_words(&[("src/load/new.rs".to_string(), src.to_string())]);
    let found: Vec<(String, Vec<String>)> = acc.lists.clone();
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "src/load/new.rs NEW_KEYS",
            "src/load/new.rs FIXED",
            "src/load/new.rs MapReader::new(…, &[…])"
        ]
    );
    assert_eq!(found[0].1, ["alpha", "beta"]);
    assert_eq!(found[1].1, ["gamma", "delta"]);
    assert_eq!(found[2].1, ["epsilon", "zeta"]);
    assert_eq!((acc.calls, acc.inline), (2, 1));
    let doc = "`alpha`, `gamma` and `zeta` are documented; beta is not in backticks.";
    assert_eq!(
        undocumented(doc, &found),
        [
            "`beta` (src/load/new.rs NEW_KEYS)",
            "`delta` (src/load/new.rs FIXED)",
            "`epsilon` (src/load/new.rs MapReader::new(…, &[…]))"
        ]
    );
}

#[test]
#[should_panic(expected = "not a `const")]
fn keys_passed_another_way_are_refused() {
    let src = r#"fn f() { let keys = vec!["a"]; MapReader::new(node, "x", &keys, cx); }"#;
    loader_words(&[("src/load/new.rs".to_string(), src.to_string())]);
}

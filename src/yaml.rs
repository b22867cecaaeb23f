//! A YAML 1.2 reader that keeps the position of every value.
//!
//! The text is parsed with `saphyr-parser` into a small tree of [`Node`]s, each
//! carrying its line and column, so that a problem with any *value* (not only
//! a syntax error) is reported where it stands. Scalars keep their raw text and
//! whether they were quoted: ids and keys are always text, and the typed
//! reader in [`crate::fields`] applies the core schema (`true`/`false`,
//! integers, `null`/`~`/empty) only where a field asks for it. A key given
//! twice in one mapping is an error at the second, naming the first.

use crate::diag::{Diagnostics, Message, Pos};
use crate::tr;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// Deepest nesting accepted; content files need four or five levels.
const MAX_DEPTH: usize = 64;
/// Most nodes one file may expand to (aliases included).
const MAX_NODES: usize = 2_000_000;

/// A mapping key: always text.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub text: String,
    pub pos: Pos,
}

/// A YAML value and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub kind: Kind,
}

/// The shape of a YAML value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `null`, `~` or nothing at all: counts as absent.
    Null,
    /// A scalar's text; `plain` when it was written without quotes or block style.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

impl Node {
    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// A short name of the value's shape for messages ("a list", "a mapping", "text").
    pub fn shape(&self) -> Message {
        match &self.kind {
            Kind::Null => tr!("ô để trống", "nothing"),
            Kind::Scalar { .. } => tr!("một giá trị đơn", "a single value"),
            Kind::Seq(_) => tr!("một danh sách", "a list"),
            Kind::Map(_) => tr!("các dòng 'mục: giá trị'", "a mapping"),
        }
    }
}

fn pos_of(span: &Span) -> Pos {
    Pos::new(span.start.line() as u32, span.start.col() as u32 + 1)
}

fn is_null_plain(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

enum Frame {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<(Key, Node)>,
        key: Option<Key>,
        seen: HashMap<String, Pos>,
    },
}

/// Parses one YAML document. Syntax errors, duplicate keys and unsupported
/// constructs are reported into `diags` against `file`; the tree is returned
/// when the text could be parsed (duplicate keys keep the first entry).
/// An empty file gives a `Null` node.
pub fn parse(text: &str, file: &str, diags: &mut Diagnostics) -> Option<Node> {
    parse_mapped(text, &crate::text::ColumnMap::default(), file, diags)
}

/// Like [`parse`] for a text normalised from a file whose stored columns
/// differ (decomposed Vietnamese): every position is given as stored.
pub fn parse_mapped(
    text: &str,
    map: &crate::text::ColumnMap,
    file: &str,
    diags: &mut Diagnostics,
) -> Option<Node> {
    if map.is_empty() {
        return parse_inner(text, file, diags);
    }
    let mut local = Diagnostics::new();
    let node = parse_inner(text, file, &mut local);
    for mut d in local.sorted() {
        d.pos = map.original(d.pos);
        diags.push_diagnostic(d);
    }
    node.map(|mut n| {
        remap(&mut n, map);
        n
    })
}

fn remap(node: &mut Node, map: &crate::text::ColumnMap) {
    node.pos = map.original(node.pos);
    match &mut node.kind {
        Kind::Seq(items) => items.iter_mut().for_each(|n| remap(n, map)),
        Kind::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            k.pos = map.original(k.pos);
            remap(v, map);
        }),
        _ => {}
    }
}

fn parse_inner(text: &str, file: &str, diags: &mut Diagnostics) -> Option<Node> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut documents = 0;
    let mut nodes = 0usize;
    let mut ok = true;

    while let Some(item) = parser.next_event() {
        let (event, span) = match item {
            Ok(x) => x,
            Err(e) => {
                let m = e.marker();
                let at = Pos::new(m.line() as u32, m.col() as u32 + 1);
                let (pos, message) = crate::syntax::explain(text, at, e.info());
                diags.error(file, pos, message);
                return None;
            }
        };
        let pos = pos_of(&span);
        let completed: Option<(Node, usize)> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    diags.error(
                        file,
                        pos,
                        tr!(
                            "dòng '---' mở một phần thứ hai trong tệp; mỗi tệp chỉ được có một phần, hãy xóa dòng này hoặc tách ra tệp khác",
                            "a second YAML document ('---') in one file; keep one document per file"
                        ),
                    );
                    return None;
                }
                None
            }
            Event::Alias(id) => match anchors.get(&id) {
                Some(n) => {
                    nodes += count_nodes(n);
                    if nodes > MAX_NODES {
                        diags.error(
                            file,
                            pos,
                            tr!(
                                "các tham chiếu (*) bung ra quá nhiều giá trị",
                                "aliases expand to too many values"
                            ),
                        );
                        return None;
                    }
                    let mut n = n.clone();
                    n.pos = pos;
                    Some((n, 0))
                }
                None => {
                    diags.error(
                        file,
                        pos,
                        tr!(
                            "tham chiếu (*) tới một mốc (&) chưa được đặt",
                            "alias to an anchor that is not defined"
                        ),
                    );
                    ok = false;
                    Some((
                        Node {
                            pos,
                            kind: Kind::Null,
                        },
                        0,
                    ))
                }
            },
            Event::Scalar(value, style, anchor, tag) => {
                nodes += 1;
                let tagged_str = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let plain = style == ScalarStyle::Plain && !tagged_str;
                let kind = if plain && is_null_plain(&value) {
                    Kind::Null
                } else {
                    Kind::Scalar {
                        text: value.into_owned(),
                        plain,
                    }
                };
                Some((Node { pos, kind }, anchor))
            }
            Event::SequenceStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    diags.error(
                        file,
                        pos,
                        tr!(
                            "các giá trị lồng nhau quá nhiều tầng",
                            "values are nested too deeply"
                        ),
                    );
                    return None;
                }
                stack.push(Frame::Seq {
                    pos,
                    anchor,
                    items: Vec::new(),
                });
                None
            }
            Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    diags.error(
                        file,
                        pos,
                        tr!(
                            "các giá trị lồng nhau quá nhiều tầng",
                            "values are nested too deeply"
                        ),
                    );
                    return None;
                }
                stack.push(Frame::Map {
                    pos,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                    seen: HashMap::new(),
                });
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq { pos, anchor, items }) => Some((
                    Node {
                        pos,
                        kind: Kind::Seq(items),
                    },
                    anchor,
                )),
                _ => return None,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map {
                    pos,
                    anchor,
                    entries,
                    ..
                }) => Some((
                    Node {
                        pos,
                        kind: Kind::Map(entries),
                    },
                    anchor,
                )),
                _ => return None,
            },
        };
        let Some((node, anchor)) = completed else {
            continue;
        };
        nodes += 1;
        if nodes > MAX_NODES {
            diags.error(
                file,
                pos,
                tr!(
                    "tệp chứa quá nhiều giá trị",
                    "the file holds too many values"
                ),
            );
            return None;
        }
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, key, seen, ..
            }) => match key.take() {
                None => {
                    let text = match &node.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        Kind::Null => String::new(),
                        _ => {
                            let Message { vi: sv, en: se } = node.shape();
                            diags.error(
                                file,
                                node.pos,
                                tr!(
                                    "tên mục phải là chữ, không phải {sv}",
                                    "a key must be text, not {se}"
                                ),
                            );
                            ok = false;
                            String::from("\u{0}")
                        }
                    };
                    *key = Some(Key {
                        text,
                        pos: node.pos,
                    });
                }
                Some(k) => {
                    if let Some(first) = seen.get(&k.text) {
                        let (key, line) = (&k.text, first.line);
                        diags.error(
                            file,
                            k.pos,
                            tr!(
                                "mục '{key}' được viết hai lần (lần đầu ở dòng {line}); hãy giữ lại một",
                                "'{key}' is given twice in this mapping (first on line {line}); keep one"
                            ),
                        );
                        ok = false;
                    } else {
                        seen.insert(k.text.clone(), k.pos);
                        entries.push((k, node));
                    }
                }
            },
        }
    }
    let _ = ok;
    Some(root.unwrap_or(Node {
        pos: Pos::new(1, 1),
        kind: Kind::Null,
    }))
}

fn count_nodes(n: &Node) -> usize {
    match &n.kind {
        Kind::Null | Kind::Scalar { .. } => 1,
        Kind::Seq(v) => 1 + v.iter().map(count_nodes).sum::<usize>(),
        Kind::Map(v) => 1 + v.iter().map(|(_, n)| 1 + count_nodes(n)).sum::<usize>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> (Option<Node>, Vec<String>) {
        let mut d = Diagnostics::new();
        let n = parse(text, "f.yaml", &mut d);
        (n, d.sorted().iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn positions_of_values() {
        let (n, errs) = p("a: 1\nlist:\n  - x\n  - 'y'\n");
        assert!(errs.is_empty());
        let Kind::Map(entries) = n.unwrap().kind else {
            panic!()
        };
        assert_eq!(entries[0].1.pos, Pos::new(1, 4));
        let Kind::Seq(items) = &entries[1].1.kind else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos::new(4, 5));
        assert_eq!(
            items[1].kind,
            Kind::Scalar {
                text: "y".into(),
                plain: false
            }
        );
    }

    #[test]
    fn duplicate_key_points_at_second() {
        let (_, errs) = p("communes:\n  a: []\n  b: []\n  a: all\n");
        assert_eq!(
            errs,
            vec!["f.yaml:4:3: 'a' is given twice in this mapping (first on line 2); keep one"]
        );
    }

    /// Each slip a clerk makes, reported in plain words at its own line and column.
    #[test]
    fn syntax_errors_in_plain_words_at_the_slip() {
        let vi = |text: &str| {
            let mut d = Diagnostics::new();
            assert!(parse(text, "f.yaml", &mut d).is_none(), "{text:?}");
            d.sorted()
                .iter()
                .map(|d| d.display(crate::diag::Lang::Vi))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            vi("name: Kỳ Thư\ncode: 1\npopulation: 3\n\ttarget_year: 2015\n"),
            vec!["f.yaml:4:1: dòng 4 thụt lề bằng dấu tab; hãy thay bằng dấu cách"]
        );
        assert_eq!(
            vi("name: Kỳ Thư\nofficers:\n  - name: B\n  \t role: C\n"),
            vec!["f.yaml:4:3: dòng 4 thụt lề bằng dấu tab; hãy thay bằng dấu cách"]
        );
        // The parser notices a missing ':' on the next line; it is reported where it is missing.
        assert_eq!(
            vi("name: Kỳ Thư\ncode 18337\npopulation: 9120\n"),
            vec!["f.yaml:2:5: dòng 2 thiếu dấu ':' sau 'code'; hãy viết 'code: 18337'"]
        );
        assert_eq!(
            vi("communes:\n  ky-anh/ky-thu [1, 2]\n  ky-anh/ky-tan: [1]\n"),
            vec![
                "f.yaml:2:16: dòng 2 thiếu dấu ':' sau 'ky-anh/ky-thu'; hãy viết 'ky-anh/ky-thu: [1, 2]'"
            ]
        );
        assert_eq!(
            vi("communes\n  ky-anh/ky-thu: [1]\n"),
            vec!["f.yaml:1:9: dòng 1 thiếu dấu ':' sau 'communes'; hãy viết 'communes:'"]
        );
        assert_eq!(
            vi("name: \"Kỳ Thư\ntarget_year: 2015\n"),
            vec![
                "f.yaml:1:7: dòng 1: dấu nháy \" mở ở cột 7 chưa được đóng; hãy thêm dấu \" ở cuối giá trị"
            ]
        );
        assert_eq!(
            vi("communes:\n  ky-anh/ky-thu: [1, 2\n  ky-anh/ky-tan: [3]\n"),
            vec![
                "f.yaml:2:18: dòng 2: dấu [ mở ở cột 18 chưa được đóng; hãy thêm dấu ] ở cuối dòng"
            ]
        );
        assert_eq!(
            vi("location: {lat: 18.3, lon: 105.9\nname: x\n"),
            vec![
                "f.yaml:1:11: dòng 1: dấu { mở ở cột 11 chưa được đóng; hãy thêm dấu } ở cuối dòng"
            ]
        );
        assert_eq!(
            vi("decision: Quyết định số 1: công nhận\n"),
            vec![
                "f.yaml:1:26: dòng 1 có hai dấu ':'; nếu giá trị có dấu ':', hãy đặt giá trị trong dấu nháy: decision: \"Quyết định số 1: công nhận\""
            ]
        );
        assert_eq!(
            vi("name: Kỳ Thư\n  code: 1\n"),
            vec![
                "f.yaml:2:1: dòng 2 thụt lề không khớp với các dòng trên: các mục cùng cấp phải thẳng cột với nhau, mục con thụt vào bằng dấu cách so với mục cha"
            ]
        );
        // A duplicate key parses, and is reported at the second, naming the first.
        let mut d = Diagnostics::new();
        parse("name: A\ncode: 1\nname: B\n", "f.yaml", &mut d);
        assert_eq!(
            d.sorted()[0].display(crate::diag::Lang::Vi),
            "f.yaml:3:1: mục 'name' được viết hai lần (lần đầu ở dòng 1); hãy giữ lại một"
        );
    }

    #[test]
    fn syntax_error_has_position() {
        let (n, errs) = p("a: [1, 2\nb: 3\n");
        assert!(n.is_none());
        assert!(errs[0].starts_with("f.yaml:"), "{errs:?}");
    }

    #[test]
    fn empty_and_null() {
        assert!(p("").0.unwrap().is_null());
        let (n, _) = p("a:\nb: ~\n");
        let Kind::Map(e) = n.unwrap().kind else {
            panic!()
        };
        assert!(e[0].1.is_null() && e[1].1.is_null());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(10_000);
        let (n, errs) = p(&text);
        assert!(n.is_none());
        assert!(!errs.is_empty());
    }
}

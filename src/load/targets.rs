//! `targets/<slug>.yaml`: a target the province or a district set itself.

use crate::diag::{Message, did_you_mean};
use crate::fields::{Cx, MapReader, date, suggest_value, text, uint};
use crate::model::{Group, Measure, Target};
use crate::text::closest;
use crate::tr;
use crate::yaml::Node;

const KEYS: &[&str] = &["title", "source", "deadline", "scope", "measure", "value"];

/// Reads one target; `groups` are sorted by id with parents linked.
pub fn read(rel: &str, id: &str, node: &Node, groups: &[Group], cx: &mut Cx) -> Option<Target> {
    let what = || tr!("mục tiêu", "a target");
    let m = MapReader::new(node, what(), KEYS, cx)?;
    let title = m
        .required("title", what(), cx)
        .and_then(|n| text(n, "title", cx));
    let source = m.get("source").and_then(|n| text(n, "source", cx));
    let deadline_node = m.required("deadline", what(), cx);
    let deadline = deadline_node.and_then(|n| date(n, "deadline", cx));
    let mut ok = true;
    let scope = match m.get("scope") {
        None => None,
        Some(n) => {
            let sid = text(n, "scope", cx)?;
            match groups.binary_search_by(|g| g.id.as_str().cmp(&sid)) {
                Ok(g) => Some(g),
                Err(_) => {
                    let hint = match closest(&sid, groups.iter().map(|g| g.id.as_str())) {
                        Some(c) => did_you_mean(c),
                        None => tr!(
                            "; phạm vi là mã của một huyện, tức tên một thư mục trong communes/",
                            "; a scope is a group id such as a district folder under communes/"
                        ),
                    };
                    cx.error(
                        n.pos,
                        tr!(
                            "không tìm thấy phạm vi '{sid}' (không có thư mục communes/{sid}/)",
                            "unknown scope '{sid}'"
                        )
                        .then(hint),
                    );
                    ok = false;
                    None
                }
            }
        }
    };
    let names: Vec<&str> = Measure::ALL.iter().map(|(s, _)| *s).collect();
    let measure = m.required("measure", what(), cx).and_then(|n| {
        let t = text(n, "measure", cx)?;
        match Measure::ALL.iter().find(|(s, _)| *s == t) {
            Some((_, mm)) => Some(*mm),
            None => {
                cx.error(
                    n.pos,
                    tr!("không có cách đo (measure) '{t}'", "unknown measure '{t}'")
                        .then(suggest_value(&t, &names)),
                );
                None
            }
        }
    });
    let value = match (measure, m.get("value")) {
        (Some(Measure::TargetYearDone), Some(n)) => {
            cx.error(
                n.pos,
                tr!(
                    "target_year_done không cần 'value' (nó đếm các xã đăng ký về đích trong năm của hạn chót); hãy xóa dòng 'value'",
                    "target_year_done takes no value (it counts the communes registered for the deadline's year); remove 'value'"
                ),
            );
            ok = false;
            None
        }
        (Some(Measure::TargetYearDone), None) | (None, _) => None,
        (Some(mm), None) => {
            let at = m.key_pos("value").unwrap_or(m.pos);
            let name = mm.as_str();
            cx.error(
                at,
                tr!(
                    "cách đo {name} cần có 'value', một số nguyên như 7",
                    "measure {name} needs 'value', a whole number such as 7"
                ),
            );
            ok = false;
            None
        }
        (Some(_), Some(n)) => {
            let v = uint(n, "value", cx);
            ok &= v.is_some();
            v
        }
    };
    if measure == Some(Measure::StandardPerGroup) {
        let has_child = groups.iter().any(|g| g.parent == scope);
        if !has_child {
            let at = m.get("scope").map(|n| n.pos).unwrap_or(m.pos);
            let Message { vi: wv, en: we } = match scope {
                Some(g) => {
                    let id = &groups[g].id;
                    tr!("phạm vi '{id}'", "scope '{id}'")
                }
                None => Message::same("communes/"),
            };
            cx.error(
                at,
                tr!(
                    "standard_per_group đếm các nhóm nằm ngay trong {wv}, nhưng ở đó không có nhóm nào; hãy dùng standard_count hoặc một phạm vi rộng hơn",
                    "standard_per_group counts the groups directly under {we}, and there is none; use standard_count or a wider scope"
                ),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some(Target {
        id: id.to_string(),
        title: title?,
        source,
        deadline: deadline?,
        scope,
        measure: measure?,
        value,
        file: rel.to_string(),
        deadline_pos: deadline_node.map(|n| n.pos).unwrap_or_default(),
    })
}
